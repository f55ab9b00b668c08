import CapdoCore
import Testing

@testable import CapdoHistory

/// The evidence JSON the history stores: the byte encoder writes exactly what the scalar-by-scalar encoder of
/// the first schema wrote, so rows recorded before and after compare equal.
@Suite("History evidence JSON")
struct EvidenceJSONTests {
    @Test func bytesMatchTheScalarEncoder() {
        let texts = [
            "", "plain", "quote \" and backslash \\", "lines\nand\rreturns\r\nand\ttabs", "control \u{1} \u{1f} \u{7f}",
            "tiếng Việt, emoji 🧑‍💻, slash / and <html>", "\u{0}", "\u{2028}",
        ]
        for text in texts {
            let evidence = [
                Evidence(subject: text, expected: "≥ 12", found: text, location: "etc/x:\(text.count)", outcome: .fail),
                Evidence(subject: "s", expected: text, found: "", outcome: .pass),
                Evidence(subject: "u", expected: "", found: text, location: nil, outcome: .unknown),
            ]
            #expect(EvidenceJSON.encode(evidence) == Self.scalarEncode(evidence))
        }
        #expect(EvidenceJSON.encode([]) == "[]")
        #expect(
            EvidenceJSON.encode([Evidence(subject: "a\"b", expected: "\u{1}", found: "x", outcome: .pass)])
                == #"[{"subject":"a\"b","expected":"\u0001","found":"x","outcome":"pass"}]"#)
    }

    /// The encoder of the first schema, kept as the reference.
    private static func scalarEncode(_ evidence: [Evidence]) -> String {
        var out = "["
        for (index, item) in evidence.enumerated() {
            if index > 0 { out += "," }
            out += "{\"subject\":"
            string(item.subject, into: &out)
            out += ",\"expected\":"
            string(item.expected, into: &out)
            out += ",\"found\":"
            string(item.found, into: &out)
            if let location = item.location {
                out += ",\"location\":"
                string(location, into: &out)
            }
            out += ",\"outcome\":\"\(item.outcome.rawValue)\"}"
        }
        return out + "]"
    }

    private static func string(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
