import Foundation

/// Escapes text so that a Git forge (GitHub, GitLab: CommonMark + GFM tables) shows it literally.
///
/// `< > &` become entities, so no raw HTML tag ever appears in the source; the CommonMark punctuation that can
/// start markup (`\ \` * _ [ ] ( ) # | ~ !`) gets a backslash. Newlines become ` ↵ ` so a value can never end a
/// table row or a list item early.
enum MarkdownEscaper {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in HostileText.sanitize(text, keepNewlines: false) {
            switch character {
            case "&": out.append("&amp;")
            case "<": out.append("&lt;")
            case ">": out.append("&gt;")
            case "\\", "`", "*", "_", "[", "]", "(", ")", "#", "|", "~", "!":
                out.append("\\")
                out.append(character)
            default: out.append(character)
            }
        }
        return out
    }

    /// A table cell: escaped, with an empty value shown as a dash so the row keeps its shape.
    static func cell(_ text: String) -> String {
        let escaped = escape(text).trimmingCharacters(in: .whitespaces)
        return escaped.isEmpty ? "–" : escaped
    }
}
