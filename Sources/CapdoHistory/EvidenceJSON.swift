import CapdoCore

/// Encodes evidence as compact JSON by hand: JSONEncoder is the slowest step when a fleet of thousands of
/// hosts is recorded in one transaction.
enum EvidenceJSON {
    static func encode(_ evidence: [Evidence]) -> String {
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

    static func string(_ text: String, into out: inout String) {
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
