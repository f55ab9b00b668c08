/// Escapes text for HTML element content and double- or single-quoted attribute values.
enum HTMLEscaper {
    /// Sanitised `text` with `& < > " '` as entities; newlines kept (cells that show them use `pre-wrap`).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in HostileText.sanitize(text) {
            switch character {
            case "&": out.append("&amp;")
            case "<": out.append("&lt;")
            case ">": out.append("&gt;")
            case "\"": out.append("&quot;")
            case "'": out.append("&#39;")
            default: out.append(character)
            }
        }
        return out
    }
}
