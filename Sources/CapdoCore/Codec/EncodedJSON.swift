import Foundation

/// Byte-level edits of text `SnapshotCodec.encoder()` wrote, so the JSON report can splice separately encoded parts
/// into one document instead of encoding a fleet's whole result at once: indenting a part to the depth it lands at,
/// finding an empty array to fill, and making the text inert for embedding in HTML.
///
/// Reference paths: `CodecReference.inert` and `CodecReference.indented` (string operations on the whole text);
/// `EncodedJSONDifferentialTests` compares them.
public enum EncodedJSON {
    /// `<`, `>`, `&`, U+2028 and U+2029 written as `\uXXXX` escapes, so the text stays inert even if a browser or an
    /// HTML page embeds it (JSON reads the escapes back as the same characters).
    public static func inert(_ json: String) -> String {
        guard json.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0xE2 }) else { return json }
        var out: [UInt8] = []
        out.reserveCapacity(json.utf8.count + json.utf8.count / 32)
        var text = json
        text.withUTF8 { _ = appendIndented($0[...], indent: 0, lineStart: false, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `json` with every non-empty line indented by `indent` (as the encoder indents nested values; an empty
    /// array's blank line stays blank) and made inert; returns whether it ended at the start of a line. Runs of
    /// bytes that need neither go in with one copy.
    @discardableResult
    public static func appendIndented(
        _ json: Slice<UnsafeBufferPointer<UInt8>>, indent: Int, lineStart: Bool, into out: inout [UInt8]
    ) -> Bool {
        var atLineStart = lineStart
        let bytes = UnsafeBufferPointer(rebasing: json)
        var index = 0
        while index < bytes.count {
            if atLineStart && bytes[index] != 0x0A { out.append(contentsOf: repeatElement(0x20, count: indent)) }
            var end = index
            while end < bytes.count, !isLineEndOrActive(bytes[end]) { end += 1 }
            if end > index {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                atLineStart = false
                index = end
                continue
            }
            let byte = bytes[index]
            index += 1
            atLineStart = byte == 0x0A
            switch byte {
            case 0x3C: out.append(contentsOf: lessThan)
            case 0x3E: out.append(contentsOf: greaterThan)
            case 0x26: out.append(contentsOf: ampersand)
            case 0xE2
            where index + 1 < bytes.count && bytes[index] == 0x80
                && (bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9):
                out.append(contentsOf: bytes[index + 1] == 0xA8 ? lineSeparator : paragraphSeparator)
                index += 2
            default: out.append(byte)
            }
        }
        return atLineStart
    }

    /// Where `pattern`, which starts with a newline, first occurs in `json`; each newline is compared with `memcmp`.
    public static func firstOccurrence(of pattern: [UInt8], in json: [UInt8]) -> Int? {
        json.withUnsafeBufferPointer { text in
            pattern.withUnsafeBufferPointer { pattern in
                guard let base = text.baseAddress, let first = pattern.first, text.count >= pattern.count else {
                    return nil
                }
                var index = 0
                while index <= text.count - pattern.count {
                    if text[index] == first && memcmp(base + index, pattern.baseAddress!, pattern.count) == 0 {
                        return index
                    }
                    index += 1
                }
                return nil
            }
        }
    }

    /// A newline, or a byte that may start something `inert` escapes.
    private static func isLineEndOrActive(_ byte: UInt8) -> Bool {
        byte == 0x0A || byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0xE2
    }

    private static let lessThan = Array("\\u003c".utf8)
    private static let greaterThan = Array("\\u003e".utf8)
    private static let ampersand = Array("\\u0026".utf8)
    private static let lineSeparator = Array("\\u2028".utf8)
    private static let paragraphSeparator = Array("\\u2029".utf8)
}
