import Foundation
import Testing

@testable import CapdoCore

@Suite("JSON parser for facts")
struct FactJSONParserTests {
    static func parse(_ text: String) throws(FactJSONError) -> FactValue {
        try FactJSONParser.parse(Data(text.utf8))
    }

    @Test func parsesWhatJSONDecoderParsesToTheSameTree() throws {
        let text = #"""
            {"a": [1, -2, 3.25, -0.5e2, 1E3, 12345678901234567890, 0],
             "s": "tab\there \"q\" \\ \/ \u00e9 \ud83d\ude00 Việt", "t": true, "f": false, "n": null,
             "o": {"nested": {"deep": []}, "empty": {}}, "dup": 1, "dup": 2}
            """#
        let expected = try JSONDecoder().decode(FactValue.self, from: Data(text.utf8))
        let parsed = try Self.parse(text)
        #expect(parsed == expected)
        #expect(parsed["s"] == .string("tab\there \"q\" \\ / é 😀 Việt"))
        #expect(parsed["dup"] == .number(1), "a repeated member keeps its first value, as JSONDecoder does")
        #expect(parsed["a"]?.arrayValue?[5] == .number(12_345_678_901_234_567_890))
    }

    /// The parser's note of a null list item decides whether `NullEntries` walks the tree: it must agree with that walk.
    @Test(arguments: [
        ("{\"a\": [1, null]}", true), ("{\"a\": null, \"b\": [1, 2]}", false), ("[[{\"x\": [null]}]]", true),
        ("[]", false), ("null", false), ("{\"n\": {\"m\": null}, \"l\": [[], {}]}", false), ("[null]", true),
    ])
    func notesANullListItemAsTheTreeWalkFindsIt(text: String, hasNull: Bool) throws {
        let parsed = try FactJSONParser.parseNotingNullItems(Data(text.utf8))
        #expect(parsed.nullItem == hasNull)
        #expect(NullEntries.hasNullEntry(parsed.value) == hasNull)
        #expect(parsed.value == (try Self.parse(text)))
    }

    @Test func everyTopLevelScalarIsAValue() throws {
        #expect(try Self.parse(" 42 ") == .number(42))
        #expect(try Self.parse("\"x\"") == .string("x"))
        #expect(try Self.parse("null") == .null)
    }

    @Test func malformedTextIsRefusedWithLineAndColumn() {
        let cases: [(String, Int, Int, String)] = [
            ("{\n  \"a\": 1,\n  \"b\": }", 3, 8, "unexpected character '}'"),
            ("{ not json", 1, 3, "expected a member name"),
            ("[1, 2", 1, 6, "unexpected end of the text in an array"),
            ("{\"a\": 1} x", 1, 10, "unexpected text after the value"),
            ("\"bad \\q escape\"", 1, 8, "invalid escape '\\q'"),
            ("\"line\nbreak\"", 1, 6, "control character in a string"),
            ("[01]", 1, 3, "expected ',' or ']'"),
            ("[1.]", 1, 4, "invalid number"),
            ("[tru]", 1, 5, "unexpected character ']'"),
            ("\"unterminated", 1, 14, "unterminated string"),
            ("", 1, 1, "unexpected end of the text"),
            ("[1e999]", 1, 7, "number out of range"),
        ]
        for (text, line, column, message) in cases {
            #expect(throws: FactJSONError(message: message, line: line, column: column), "\(text)") {
                try Self.parse(text)
            }
        }
    }

    @Test func hostileNestingIsRefusedNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: FactJSONError.self) { try Self.parse(deep) }
        let fine = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect((try? Self.parse(fine)) != nil)
    }

    @Test func invalidUTF8IsRepairedNotRefused() throws {
        var bytes = Array("[\"a".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("b\", \"\\ud800\"]".utf8)
        let parsed = try FactJSONParser.parse(Data(bytes))
        #expect(parsed == .array([.string("a\u{FFFD}\u{FFFD}b"), .string("\u{FFFD}")]))
    }
}
