import Foundation
import Testing

@testable import CapdoCore

/// `FactJSONParser` (fast) against Foundation's `JSONDecoder` (`CodecReference.parse`) on the same bytes: the same
/// tree, or both refuse.
@Suite("Codec: JSON parser against JSONDecoder")
struct FactJSONParserDifferentialTests {
    /// The tree each path makes of `data`, nil where it refuses.
    static func both(_ data: Data) -> (fast: FactValue?, plain: FactValue?) {
        ((try? FactJSONParser.parse(data)), (try? CodecReference.parse(data)))
    }

    /// Where the paths differ by design: Foundation also reads UTF-16 and a byte-order mark; the fast path reads
    /// UTF-8 as capdo writes it, and repairs invalid UTF-8 and lone surrogates (to U+FFFD) instead of refusing.
    static func isUTF8WithoutBOM(_ data: Data) -> Bool {
        !data.starts(with: [0xEF, 0xBB, 0xBF]) && !data.starts(with: [0xFF, 0xFE]) && !data.starts(with: [0xFE, 0xFF])
            && String(validating: data, as: UTF8.self) != nil
    }

    @Test func repositoryJSONFiles() throws {
        let files = try CodecInputs.jsonFiles()
        #expect(files.count >= 5)
        var compared = 0
        for file in files {
            let (fast, plain) = Self.both(file.data)
            if Self.isUTF8WithoutBOM(file.data) {
                #expect(plain != nil, "\(file.name)")
                #expect(fast == plain, "\(file.name)")
                compared += 1
            } else {
                #expect(fast == nil, "\(file.name): not UTF-8 without a BOM, refused by the fast path")
            }
        }
        #expect(compared >= 3)
    }

    @Test(arguments: CodecInputs.edgeTexts)
    func edgeOfTheGrammar(_ text: String) {
        let (fast, plain) = Self.both(Data(text.utf8))
        #expect(plain != nil)
        #expect(fast == plain)
    }

    @Test(arguments: CodecInputs.invalidTexts)
    func bothRefuse(_ text: String) {
        let (fast, plain) = Self.both(Data(text.utf8))
        #expect(fast == nil)
        #expect(plain == nil)
    }

    /// Foundation's decoder tolerates a comma before a closing bracket; the fast path keeps to RFC 8259.
    @Test(arguments: ["[1,]", "{\"a\": 1,}", "[[1, 2,], {\"b\": [],}]", "[1 ,\n ]"])
    func trailingCommaIsRefusedWhereFoundationToleratesIt(_ text: String) {
        let (fast, plain) = Self.both(Data(text.utf8))
        #expect(fast == nil)
        #expect(plain != nil)
        #expect(Self.hasTrailingComma(Data(text.utf8)))
    }

    /// Whether `data` has a comma followed, after whitespace, by `]` or `}` (outside strings or not: a test helper).
    static func hasTrailingComma(_ data: Data) -> Bool {
        var lastSignificant: UInt8 = 0
        for byte in data where ![0x20, 0x0A, 0x0D, 0x09].contains(byte) {
            if lastSignificant == UInt8(ascii: ","), byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                return true
            }
            lastSignificant = byte
        }
        return false
    }

    /// 600 generated trees, each written by `JSONEncoder` in four layouts: both paths give back the tree.
    @Test func generatedTrees() throws {
        var random = SeededGenerator(seed: 0xC0DEC_0001)
        let layouts: [JSONEncoder.OutputFormatting] = [[], [.sortedKeys], [.prettyPrinted], [.withoutEscapingSlashes]]
        for index in 0..<600 {
            let tree = CodecInputs.randomTree(depth: 4, using: &random)
            for layout in layouts {
                let encoder = JSONEncoder()
                encoder.outputFormatting = layout
                let data = try encoder.encode(tree)
                let (fast, plain) = Self.both(data)
                #expect(plain == tree, "tree \(index)")
                #expect(fast == plain, "tree \(index): \(String(decoding: data, as: UTF8.self))")
            }
        }
    }

    /// Truncations and ASCII byte changes of the sample snapshots (valid UTF-8 stays valid): the same verdict and,
    /// where both read the text, the same tree.
    @Test func damagedSampleSnapshots() throws {
        var random = SeededGenerator(seed: 0xC0DEC_0002)
        for file in try CodecInputs.sampleSnapshots() {
            let bytes = [UInt8](file.data)
            let ascii = bytes.indices.filter { bytes[$0] < 0x80 }
            let replacements = Array("{}[]:,\"\\ 0123456789-+.eEtruefalsn\n\t".utf8)
            for round in 0..<150 {
                var damaged = bytes
                if round % 3 == 0 {
                    damaged = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)))
                    while let last = damaged.last, last & 0xC0 == 0x80 || last >= 0xC0 { damaged.removeLast() }
                } else {
                    for _ in 0..<Int.random(in: 1...3, using: &random) {
                        damaged[ascii.randomElement(using: &random)!] = replacements.randomElement(using: &random)!
                    }
                }
                let (fast, plain) = Self.both(Data(damaged))
                if fast == nil, plain != nil, Self.hasTrailingComma(Data(damaged)) { continue }
                #expect(fast == plain, "\(file.name) round \(round)")
            }
        }
    }
}
