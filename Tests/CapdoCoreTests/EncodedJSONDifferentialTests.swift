import Foundation
import Testing

@testable import CapdoCore

/// `EncodedJSON` (byte runs, one copy each) against `CodecReference.inert` and `.indented` (string operations), on
/// pretty-printed JSON of the sample snapshots and of generated trees with hostile strings.
@Suite("Codec: encoded JSON splicing against string operations")
struct EncodedJSONDifferentialTests {
    static func texts() throws -> [String] {
        var random = SeededGenerator(seed: 0xC0DEC_0004)
        let encoder = SnapshotCodec.encoder()
        var texts = try CodecInputs.sampleSnapshots().map { String(decoding: $0.data, as: UTF8.self) }
        for _ in 0..<300 {
            texts.append(
                String(decoding: try encoder.encode(CodecInputs.randomTree(depth: 4, using: &random)), as: UTF8.self))
        }
        return texts + CodecInputs.hostileStrings
    }

    @Test func inertEqualsReplacingEachCharacter() throws {
        for text in try Self.texts() {
            #expect(EncodedJSON.inert(text) == CodecReference.inert(text), "\(text.prefix(200))")
        }
    }

    @Test func indentedEqualsPrefixingEachLine() throws {
        for (number, text) in try Self.texts().enumerated() {
            for (indent, lineStart) in [(0, true), (4, true), (8, true), (6, false)] {
                var out: [UInt8] = []
                var copy = text
                let ended = copy.withUTF8 {
                    EncodedJSON.appendIndented($0[...], indent: indent, lineStart: lineStart, into: &out)
                }
                var expected = CodecReference.inert(CodecReference.indented(text, indent: indent))
                if !lineStart, let first = text.utf8.first, first != 0x0A { expected.removeFirst(indent) }
                #expect(String(decoding: out, as: UTF8.self) == expected, "text \(number), indent \(indent)")
                #expect(ended == (text.isEmpty ? lineStart : text.utf8.last == 0x0A), "text \(number)")
            }
        }
    }

    @Test func firstOccurrenceEqualsStringSearch() throws {
        let pattern = "\n  \"findings\" : [\n\n  ]"
        for text in try Self.texts() + ["{" + pattern + "\n}", pattern, String(pattern.dropLast())] {
            let expected = text.utf8.firstRange(of: pattern.utf8).map {
                text.utf8.distance(from: text.utf8.startIndex, to: $0.lowerBound)
            }
            #expect(EncodedJSON.firstOccurrence(of: Array(pattern.utf8), in: Array(text.utf8)) == expected)
        }
    }
}
