import CapdoCore
import Foundation

/// Parses nginx's configuration (`config.nginx`).
///
/// Reads `etc/nginx/nginx.conf`, tokenising as nginx does (words, `"…"`/`'…'` strings with backslash escapes,
/// `#` comments at a token start, `{`, `}`, `;`), and follows `include` globs (relative to `etc/nginx`) in place,
/// loops and nesting bounded. Keys: `access_log` (first path, or `off` when any context turns it off),
/// `error_log` (first), `server_tokens` (`on` when any context leaves it on; default `on`), `ssl_protocols`
/// (first, space-joined), `autoindex` (`on` when any context turns it on; default `off`).
public struct NginxParser: ConfigFileParser {
    public static let collector = "config.nginx"
    public static let summary = "nginx logging, version disclosure, TLS and listings"
    public static let mainFile = "etc/nginx/nginx.conf"
    public static let prefix = "etc/nginx"
    public static let maxDepth = 16
    /// Most include files followed in one scan.
    public static let maxFiles = 2048

    var reader: ConfigFileReader
    var accessLog: ConfigEntry?
    var accessOff: ConfigEntry?
    var entries: [String: ConfigEntry] = [:]

    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        var parser = NginxParser(reader: ConfigFileReader(collector: collector, files: files))
        parser.parseFile(mainFile, context: [])
        var entries = parser.entries
        if let log = parser.accessOff ?? parser.accessLog { entries["access_log"] = log }
        if parser.reader.found {
            if entries["server_tokens"] == nil { entries["server_tokens"] = .defaultValue("on") }
            if entries["autoindex"] == nil { entries["autoindex"] = .defaultValue("off") }
        }
        return (parser.reader.section(entries), parser.reader.issues)
    }

    /// A token: a word (quoted or not), or one of `{`, `}`, `;`, with its line.
    struct Token: Sendable, Equatable {
        var text: String
        var line: Int
        var quoted: Bool
    }
}

private extension NginxParser {
    mutating func tokens(_ text: String, file: String) -> [Token] {
        var result: [Token] = []
        var word = ""
        var wordLine = 0
        var quote: Character?
        var escaped = false
        var quoteLine = 0
        func flush() {
            if !word.isEmpty { result.append(Token(text: word, line: wordLine, quoted: false)) }
            word = ""
        }
        for line in reader.lines(text, file: file) {
            var inComment = false
            for character in line.text {
                if inComment { break }
                if let open = quote {
                    if escaped {
                        word.append(character)
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == open {
                        result.append(Token(text: word, line: quoteLine, quoted: true))
                        word = ""
                        quote = nil
                    } else {
                        word.append(character)
                    }
                    continue
                }
                switch character {
                case " ", "\t", "\r":
                    flush()
                case "{", "}", ";":
                    flush()
                    result.append(Token(text: String(character), line: line.number, quoted: false))
                case "\"",
                    "'" where word.isEmpty:
                    quote = character
                    quoteLine = line.number
                case "#" where word.isEmpty:
                    inComment = true
                default:
                    if word.isEmpty { wordLine = line.number }
                    word.append(character)
                }
            }
            if quote != nil {
                word.append("\n")
            } else {
                flush()
            }
        }
        if quote != nil {
            reader.report(file: file, line: quoteLine, "unterminated quoted string")
        }
        return result
    }

    mutating func parseFile(_ path: String, context: [String]) {
        guard let text = reader.enter(path, maxDepth: Self.maxDepth, maxFiles: Self.maxFiles) else { return }
        defer { reader.leave() }
        var blocks: [(name: String, line: Int)] = []
        var words: [Token] = []
        for token in tokens(text, file: path) {
            if token.quoted {
                words.append(token)
                continue
            }
            switch token.text {
            case ";":
                guard let first = words.first else {
                    reader.report(file: path, line: token.line, "unexpected ';'")
                    continue
                }
                directive(
                    first.text, Array(words.dropFirst()), line: first.line, file: path,
                    context: context + blocks.map(\.name))
                words = []
            case "{":
                guard let first = words.first else {
                    reader.report(file: path, line: token.line, "'{' without a block name")
                    blocks.append(("", token.line))
                    continue
                }
                blocks.append((first.text, first.line))
                words = []
            case "}":
                if !words.isEmpty {
                    reader.report(
                        file: path, line: words[0].line, "directive\(IssueQuote.keyword(words[0].text)) has no ';'")
                    words = []
                }
                if blocks.popLast() == nil { reader.report(file: path, line: token.line, "unexpected '}'") }
            default:
                words.append(token)
            }
        }
        if let first = words.first {
            reader.report(file: path, line: first.line, "unexpected end of file, expecting ';' or '}'")
        }
        if let open = blocks.last {
            reader.report(
                file: path, line: open.line, "unexpected end of file, '\(open.name.prefix(80))' block not closed")
        }
    }

    mutating func directive(_ name: String, _ arguments: [Token], line: Int, file: String, context: [String]) {
        let values = arguments.map(\.text)
        let joined = values.joined(separator: " ")
        let entry = ConfigEntry(value: joined, file: file, line: line)
        switch name {
        case "include":
            guard let pattern = values.first else {
                reader.report(file: file, line: line, "include without a file")
                return
            }
            let target = ConfigFilePath.resolve(pattern, against: Self.prefix)
            let matches = reader.expand(target)
            if !Glob.hasMagic(target), case .failure(let error) = reader.files.read(target),
                error.reason == .missing
            {
                reader.report(file: file, line: line, "included file \(target) does not exist")
            }
            for match in matches { parseFile(match, context: context) }
        case "access_log":
            guard let first = values.first else { return reportMissing(name, file, line) }
            if first == "off" {
                if accessOff == nil { accessOff = ConfigEntry(value: "off", file: file, line: line) }
            } else if accessLog == nil {
                accessLog = ConfigEntry(value: first, file: file, line: line)
            }
        case "error_log":
            guard let first = values.first else { return reportMissing(name, file, line) }
            if entries[name] == nil { entries[name] = ConfigEntry(value: first, file: file, line: line) }
        case "ssl_protocols":
            guard !values.isEmpty else { return reportMissing(name, file, line) }
            if entries[name] == nil { entries[name] = entry }
        case "server_tokens", "autoindex":
            guard !values.isEmpty else { return reportMissing(name, file, line) }
            let weak = name == "autoindex" ? joined == "on" : joined != "off"
            if entries[name] == nil || (weak && entries[name]?.value != joined && !isWeak(name, entries[name])) {
                entries[name] = entry
            }
        default:
            return
        }
    }

    func isWeak(_ name: String, _ entry: ConfigEntry?) -> Bool {
        guard let value = entry?.value else { return false }
        return name == "autoindex" ? value == "on" : value != "off"
    }

    mutating func reportMissing(_ name: String, _ file: String, _ line: Int) {
        reader.report(file: file, line: line, "\(name) without a value")
    }
}
