/// Escapes text for XML 1.0 element content and quoted attribute values.
enum XMLEscaper {
    /// `text` with `& < > " '` as entities and the characters XML 1.0 forbids (C0 controls other than tab, LF and
    /// CR; C1 controls; U+FFFE, U+FFFF) removed. In attributes, tab and LF become character references so a
    /// parser keeps them instead of normalising them to spaces. CR LF and a lone CR become LF first.
    static func escape(_ text: String, attribute: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            if scalar == "\n" && previousWasCR { continue }
            let scalar: Unicode.Scalar = scalar == "\r" ? "\n" : scalar
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n":
                if attribute {
                    out += "&#\(scalar.value);"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
