import Foundation

@testable import CapdoCore

/// The inputs every differential test of `Codec/` runs its fast and its plain path over: the sample snapshots, the
/// JSON fixtures of the repository, hostile texts, and values generated from a fixed seed.
enum CodecInputs {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every `*.json` under `Samples/` and `Tests/Fixtures/` (name, bytes).
    static func jsonFiles() throws -> [(name: String, data: Data)] {
        var files: [(String, Data)] = []
        for folder in ["Samples", "Tests/Fixtures", "Tests/CapdoCollectTests/Fixtures"] {
            let base = repository.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let path as String in walker where path.hasSuffix(".json") {
                files.append(("\(folder)/\(path)", try Data(contentsOf: base.appendingPathComponent(path))))
            }
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// The sample snapshots (name, bytes).
    static func sampleSnapshots() throws -> [(name: String, data: Data)] {
        try jsonFiles().filter { $0.name.hasPrefix("Samples/snapshots/") }
    }

    /// Strings that have broken parsers and reports elsewhere: markup, escapes, controls, bidi, surrogates' UTF-8.
    static let hostileStrings = [
        "", " ", "<script>alert(1)</script>", "\"><img src=x>", "a & b", "line\nbreak\r\n", "tab\there",
        "back\\slash", "quote\"d", "slash/ed", "\u{2028}\u{2029}", "\u{0}\u{1}\u{1F}\u{7F}", "\u{202E}evil",
        "Việt Nam – Lê Chân", "e\u{301}", "😀", "{\"not\": \"json\"}", "${password_max_days}", "| md | table |",
        String(repeating: "x", count: 5_000),
    ]

    /// JSON texts on the edge of the grammar: each is valid and must give the same tree on both paths.
    static let edgeTexts = [
        "0", "-0", "1", "-1", "1.5", "-0.5e2", "1E3", "1e-7", "123456789012345", "1234567890123456",
        "12345678901234567890", "9007199254740993", "1.7976931348623157e308", "5e-324", "0.1", "[]", "{}",
        "[[], {}, [[]]]", " \t\r\n[ 1 , 2 ]\n", "\"\\u00e9\\u0041\\/\\b\\f\\n\\r\\t\"", "\"\\ud83d\\ude00\"",
        "{\"a\": 1, \"a\": 2}", "{\"\": \"\"}", "true", "false", "null", "[true, false, null]",
        String(repeating: "[", count: 400) + String(repeating: "]", count: 400),
    ]

    /// Texts both paths must refuse.
    static let invalidTexts = [
        "", " ", "[01]", "[1.]", "[.5]", "[+1]", "[1e]", "[tru]", "[nul]", "'x'", "{a: 1}",
        "[1] [2]", "\"unterminated", "\"bad \\q\"", "\"\\u12\"", "\"line\nbreak\"", "[1e999]", "[NaN]", "[Infinity]",
        "// comment\n1", "{\"a\" 1}", "{\"a\": }", "[", "]", "{", "}",
    ]

    /// A random JSON-shaped tree of at most `depth` levels, with hostile strings and awkward numbers.
    static func randomTree(depth: Int, using random: inout SeededGenerator) -> FactValue {
        let kind = depth == 0 ? Int.random(in: 0..<4, using: &random) : Int.random(in: 0..<6, using: &random)
        switch kind {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &random))
        case 2: return .number(randomNumber(using: &random))
        case 3: return .string(randomString(using: &random))
        case 4:
            return .array(
                (0..<Int.random(in: 0..<5, using: &random)).map { _ in randomTree(depth: depth - 1, using: &random) })
        default:
            var members: [String: FactValue] = [:]
            for _ in 0..<Int.random(in: 0..<5, using: &random) {
                members[randomString(using: &random)] = randomTree(depth: depth - 1, using: &random)
            }
            return .object(members)
        }
    }

    static func randomNumber(using random: inout SeededGenerator) -> Double {
        switch Int.random(in: 0..<5, using: &random) {
        case 0: return Double(Int.random(in: -1_000...1_000, using: &random))
        case 1: return Double(Int64.random(in: Int64.min...Int64.max, using: &random))
        case 2: return Double.random(in: -1...1, using: &random)
        case 3:
            let bits = Double(bitPattern: random.next())
            return bits.isFinite ? bits : 0
        default: return Double(Int.random(in: 0...999_999_999_999_999, using: &random))
        }
    }

    static func randomString(using random: inout SeededGenerator) -> String {
        if Bool.random(using: &random) { return hostileStrings.randomElement(using: &random)! }
        let alphabet = Array("aZ09 _-.:/\\\"<>&\u{e9}\u{1ec7}\u{1F600}\u{2028}\n\t\u{1}")
        return String((0..<Int.random(in: 0..<12, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
    }
}
