import CapdoCore

/// Splits a configuration line into words: whitespace separates, `"…"` and `'…'` quote (quotes removed).
///
/// An unterminated quote runs to the end of the line; the caller decides whether that is an error.
public enum ConfigWords {
    public static func split(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open {
                    quote = nil
                } else {
                    current.append(character)
                }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character == " " || character == "\t" {
                if inWord {
                    words.append(current)
                    current = ""
                    inWord = false
                }
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// True when `path` (`/var/log/nginx/*.log`) matches `candidate` (`/var/log/nginx/access.log`) component by
    /// component, as `glob(3)` would.
    public static func pathMatches(_ pattern: String, _ candidate: String) -> Bool {
        let patternParts = pattern.split(separator: "/").map(String.init)
        let candidateParts = candidate.split(separator: "/").map(String.init)
        guard patternParts.count == candidateParts.count else { return false }
        return zip(patternParts, candidateParts).allSatisfy { Glob.matches($0, $1) }
    }
}
