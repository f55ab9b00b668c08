/// Splits one `sshd_config` line as sshd does: a keyword ended by whitespace or `=`, then arguments
/// split on whitespace with `"`/`'` quoting and `\` escapes, a `#` starting a token ending the line.
enum SshdLineSplitter {
    /// A keyword and the raw text after it (leading whitespace and one `=` removed).
    struct Split: Equatable {
        var keyword: String
        var rest: String
    }

    static func isSpace(_ character: Character) -> Bool {
        character == " " || character == "\t" || character == "\r" || character == "\n" || character == "\r\n"
    }

    /// Nil for blank and comment lines.
    static func split(_ line: Substring) -> Split? {
        var text = line.drop(while: isSpace)
        while let last = text.last, isSpace(last) { text = text.dropLast() }
        guard let head = text.first, head != "#" else { return nil }
        let keywordEnd = text.firstIndex(where: { isSpace($0) || $0 == "=" }) ?? text.endIndex
        let keyword = String(text[..<keywordEnd])
        var rest = text[keywordEnd...].drop(while: isSpace)
        if rest.first == "=" { rest = rest.dropFirst().drop(while: isSpace) }
        return Split(keyword: keyword, rest: String(rest))
    }

    /// The arguments of `rest`; nil when a quote is not closed.
    static func arguments(_ rest: String) -> [String]? {
        var args: [String] = []
        var current = ""
        var inToken = false
        var quote: Character?
        var characters = rest[...]
        while let character = characters.popFirst() {
            if let open = quote {
                if character == "\\", let next = characters.first, next == open || next == "\\" {
                    current.append(next)
                    characters = characters.dropFirst()
                } else if character == open {
                    quote = nil
                } else {
                    current.append(character)
                }
                continue
            }
            if isSpace(character) {
                if inToken { args.append(current) }
                current = ""
                inToken = false
            } else if character == "#" && !inToken {
                break
            } else if character == "\\", let next = characters.first, "\\\"' ".contains(next) {
                current.append(next)
                characters = characters.dropFirst()
                inToken = true
            } else if character == "\"" || character == "'" {
                quote = character
                inToken = true
            } else {
                current.append(character)
                inToken = true
            }
        }
        if quote != nil { return nil }
        if inToken { args.append(current) }
        return args
    }
}
