/// A small reader for apt.conf syntax: `//`, `#` and `/* */` comments, quoted values, `;` terminators and
/// `{ }` scopes joined with `::`.
enum AptConfigTokenizer {
    struct Setting: Equatable {
        var key: String
        var value: String
        var line: Int
    }

    /// Every `key value;` found, with full scoped keys; plus the first syntax problem, if any.
    static func settings(_ text: String) -> ([Setting], (line: Int, message: String)?) {
        let stops: Set<Character> = [" ", "\t", "\r", "\n", "\r\n", ";", "{", "}", "\""]
        var settings: [Setting] = []
        var scopes: [String] = []
        var words: [(text: String, line: Int)] = []
        var problem: (line: Int, message: String)?
        var line = 1
        var characters = Array(text)
        if characters.count > 4_000_000 { characters = Array(characters.prefix(4_000_000)) }
        var index = 0
        func key(_ name: String) -> String { (scopes + [name]).joined(separator: "::") }
        while index < characters.count {
            let character = characters[index]
            if character == "\n" || character == "\r\n" {
                line += 1
                index += 1
            } else if character == " " || character == "\t" || character == "\r" {
                index += 1
            } else if character == "#"
                || (character == "/" && index + 1 < characters.count && characters[index + 1] == "/")
            {
                while index < characters.count, characters[index] != "\n", characters[index] != "\r\n" { index += 1 }
            } else if character == "/" && index + 1 < characters.count && characters[index + 1] == "*" {
                index += 2
                while index < characters.count,
                    !(characters[index] == "*" && index + 1 < characters.count
                        && characters[index + 1] == "/")
                {
                    if characters[index] == "\n" || characters[index] == "\r\n" { line += 1 }
                    index += 1
                }
                index += 2
            } else if character == "\"" {
                var value = ""
                let start = line
                index += 1
                while index < characters.count, characters[index] != "\"" {
                    if characters[index] == "\n" || characters[index] == "\r\n" { line += 1 }
                    value.append(characters[index])
                    index += 1
                }
                if index >= characters.count && problem == nil { problem = (start, "unterminated quoted value") }
                index += 1
                words.append((value, start))
            } else if character == "{" {
                if let name = words.first {
                    scopes.append(name.text)
                } else if problem == nil {
                    problem = (line, "'{' without a name")
                }
                words = []
                index += 1
            } else if character == "}" {
                if scopes.popLast() == nil && problem == nil { problem = (line, "unbalanced '}'") }
                words = []
                index += 1
            } else if character == ";" {
                if let name = words.first, words.count >= 2 {
                    settings.append(Setting(key: key(name.text), value: words[1].text, line: name.line))
                }
                words = []
                index += 1
            } else {
                var word = ""
                let start = line
                while index < characters.count, !stops.contains(characters[index]) {
                    word.append(characters[index])
                    index += 1
                }
                if word.isEmpty { index += 1 }
                words.append((word, start))
            }
        }
        if !words.isEmpty && problem == nil { problem = (words[0].line, "setting not terminated by ';'") }
        if !scopes.isEmpty && problem == nil { problem = (line, "'{' not closed") }
        return (settings, problem)
    }
}
