import CapdoCore

/// Encodes evidence as compact JSON by hand, over UTF-8 bytes: JSONEncoder (and even appending scalar by scalar
/// to a String) is the slowest step when a fleet of thousands of hosts is recorded in one transaction.
///
/// The bytes are those the history has always stored: keys in declaration order, `location` only when present,
/// `"`, `\`, `\n`, `\r`, `\t` escaped as such, other control characters as `\u00xx` (lowercase hex), everything
/// else (including `/` and non-ASCII text) copied as is.
enum EvidenceJSON {
    static func encode(_ evidence: [Evidence]) -> String {
        var out: [UInt8] = []
        encode(evidence, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the JSON of `evidence` to `out` (a buffer reused from finding to finding).
    static func encode(_ evidence: [Evidence], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (index, item) in evidence.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"subject":"#.utf8)
            string(item.subject, into: &out)
            out.append(contentsOf: #","expected":"#.utf8)
            string(item.expected, into: &out)
            out.append(contentsOf: #","found":"#.utf8)
            string(item.found, into: &out)
            if let location = item.location {
                out.append(contentsOf: #","location":"#.utf8)
                string(location, into: &out)
            }
            out.append(contentsOf: #","outcome":""#.utf8)
            out.append(contentsOf: item.outcome.rawValue.utf8)
            out.append(contentsOf: #""}"#.utf8)
        }
        out.append(UInt8(ascii: "]"))
    }

    static func string(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                escape(byte, into: &out)
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func escape(_ byte: UInt8, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
        case UInt8(ascii: "\n"): out.append(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"): out.append(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"): out.append(UInt8(ascii: "t"))
        default:
            let digits = Array("0123456789abcdef".utf8)
            out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
    }
}
