import CapdoCore
import Foundation

/// Parses rsyslog's configuration for where auth messages go and whether logs are forwarded (`config.rsyslog`).
///
/// Reads `etc/rsyslog.conf` and follows `$IncludeConfig` and `include(file=…)` (globs or directories, in place,
/// loops and depth bounded). Understands legacy selector lines (`auth,authpriv.*  /var/log/auth.log`,
/// `*.* @@host:514`) and RainerScript objects spanning lines (`action(type="omfwd" target="…" port="…")`).
/// `auth_file_create_mode` is the mode rsyslog gives the auth log file when it creates it: the action's
/// `fileCreateMode`, else the `$FileCreateMode` in force at that line, else the omfile module's, else 0644
/// (`default: true`). `forward_tls` is `yes` when the forwarding action encrypts: omfwd with a `gtls`/`ossl`
/// stream driver in mode 1 (its own parameters, or `$DefaultNetstreamDriver` and `$ActionSendStreamDriverMode 1`
/// before a legacy `@@` line), omrelp with `tls="on"`.
public struct RsyslogParser: ConfigFileParser {
    public static let collector = "config.rsyslog"
    public static let summary = "rsyslog auth log destination and remote forwarding"
    public static let mainFile = "etc/rsyslog.conf"
    public static let maxDepth = 8
    /// Longest RainerScript statement gathered across lines before giving up on it.
    static let maxStatementBytes = 256 * 1024
    static let objects: Set<String> = [
        "module", "input", "global", "template", "action", "include", "ruleset", "main_queue", "lookup_table",
        "parser", "timezone", "dyn_stats", "percentile_stats", "license", "call", "set", "unset", "reset", "stop",
        "if", "else", "foreach", "property", "constant", "call_indirect", "reload_lookup_table",
    ]

    var reader: ConfigFileReader
    var authDestination: ConfigEntry?
    var forward: ConfigEntry?
    var forwardTLS: ConfigEntry?
    var authFileMode: ConfigEntry?
    var fileCreateMode: String?
    var moduleFileCreateMode: String?
    var defaultDriver: String?
    var sendStreamDriverMode: String?
    static let tlsDrivers: Set<String> = ["gtls", "ossl"]
    var rules = 0
    var firstRule: (String, Int)?

    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        var parser = RsyslogParser(reader: ConfigFileReader(collector: collector, files: files))
        parser.parseFile(mainFile)
        var entries: [String: ConfigEntry] = [:]
        if let authDestination = parser.authDestination { entries["auth_destination"] = authDestination }
        if let forward = parser.forward { entries["forward"] = forward }
        if let forwardTLS = parser.forwardTLS { entries["forward_tls"] = forwardTLS }
        if let mode = parser.authFileMode { entries["auth_file_create_mode"] = mode }
        if parser.reader.found {
            entries["rules"] = ConfigEntry(
                value: String(parser.rules), file: parser.firstRule?.0, line: parser.firstRule?.1)
        }
        return (parser.reader.section(entries), parser.reader.issues)
    }

    /// `name="value"` parameters of a RainerScript object body, names lower-cased.
    public static func parameters(_ body: Substring) -> [String: String] {
        var result: [String: String] = [:]
        var index = body.startIndex
        while index < body.endIndex {
            while index < body.endIndex && !(body[index].isLetter || body[index] == "_" || body[index] == ".") {
                index = body.index(after: index)
            }
            let nameStart = index
            while index < body.endIndex
                && (body[index].isLetter || body[index].isNumber || body[index] == "_" || body[index] == "."
                    || body[index] == "-")
            {
                index = body.index(after: index)
            }
            let name = body[nameStart..<index].lowercased()
            while index < body.endIndex && body[index].isWhitespace { index = body.index(after: index) }
            guard index < body.endIndex, body[index] == "=" else {
                if index < body.endIndex { index = body.index(after: index) }
                continue
            }
            index = body.index(after: index)
            while index < body.endIndex && body[index].isWhitespace { index = body.index(after: index) }
            guard index < body.endIndex else { break }
            var value = ""
            if body[index] == "\"" || body[index] == "'" {
                let quote = body[index]
                index = body.index(after: index)
                while index < body.endIndex && body[index] != quote {
                    if body[index] == "\\", body.index(after: index) < body.endIndex {
                        index = body.index(after: index)
                    }
                    value.append(body[index])
                    index = body.index(after: index)
                }
                if index < body.endIndex { index = body.index(after: index) }
            } else {
                while index < body.endIndex && !body[index].isWhitespace && body[index] != ")" {
                    value.append(body[index])
                    index = body.index(after: index)
                }
            }
            if !name.isEmpty && result[name] == nil { result[name] = value }
        }
        return result
    }

    /// Follows one character of a RainerScript statement: the open quote, and the parenthesis depth outside quotes.
    static func track(_ character: Character, quote: inout Character?, depth: inout Int) {
        if let open = quote {
            if character == open { quote = nil }
        } else if character == "\"" || character == "'" {
            quote = character
        } else if character == "(" {
            depth += 1
        } else if character == ")" {
            depth -= 1
        }
    }

    /// The host (and port) a legacy `@host`, `@@(o)host:514;Template` action forwards to.
    public static func legacyTarget(_ action: String) -> String {
        var target = Substring(action)
        while target.hasPrefix("@") { target = target.dropFirst() }
        if target.hasPrefix("("), let close = target.firstIndex(of: ")") {
            target = target[target.index(after: close)...]
        }
        if let semicolon = target.firstIndex(of: ";") { target = target[..<semicolon] }
        return String(target)
    }
}

private extension RsyslogParser {
    mutating func parseFile(_ path: String) {
        guard let text = reader.enter(path, maxDepth: Self.maxDepth) else { return }
        defer { reader.leave() }
        var statement = ""
        var statementLine = 0
        var depth = 0
        var quote: Character?
        var inComment = false
        var legacy = ""
        var legacyLine = 0
        var selectorStatement = false
        for line in reader.lines(text, file: path) {
            var content = line.text
            if !legacy.isEmpty || (statement.isEmpty && content.hasSuffix("\\") && !content.hasPrefix("#")) {
                // A legacy selector line continued with a trailing backslash.
                if legacy.isEmpty { legacyLine = line.number }
                let piece = content.trimmingCharacters(in: .whitespaces)
                if piece.hasSuffix("\\") {
                    legacy += piece.dropLast()
                    continue
                }
                legacy += piece
                selectorLine(legacy, file: path, line: legacyLine)
                legacy = ""
                continue
            }
            if inComment {
                guard let end = content.range(of: "*/") else { continue }
                content = String(content[end.upperBound...])
                inComment = false
            }
            if statement.isEmpty {
                let trimmed = content.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                if trimmed.hasPrefix("/*") {
                    if !trimmed.contains("*/") { inComment = true }
                    continue
                }
                if trimmed.hasPrefix("$") {
                    legacyDirective(trimmed, file: path, line: line.number)
                    continue
                }
                let word = trimmed.prefix { $0.isLetter || $0 == "_" }
                let isObject = Self.objects.contains(String(word)) || trimmed.hasPrefix("}") || trimmed.hasPrefix("{")
                let opens = trimmed.filter { $0 == "(" }.count
                if !isObject && opens <= trimmed.filter({ $0 == ")" }).count {
                    selectorLine(trimmed, file: path, line: line.number)
                    continue
                }
                selectorStatement = !isObject
                statementLine = line.number
            }
            // Gather a RainerScript statement until its parentheses balance (comments outside quotes dropped).
            for character in content {
                if quote == nil && character == "#" { break }
                Self.track(character, quote: &quote, depth: &depth)
                statement.append(character)
            }
            statement.append("\n")
            if quote == nil && depth <= 0 {
                if selectorStatement {
                    let joined = statement.split(separator: "\n").joined(separator: " ")
                    selectorLine(joined.trimmingCharacters(in: .whitespaces), file: path, line: statementLine)
                } else {
                    rainerScript(statement, file: path, line: statementLine)
                }
                statement = ""
                depth = 0
            } else if statement.utf8.count > Self.maxStatementBytes {
                reader.report(file: path, line: statementLine, "statement too long or unbalanced, skipped")
                statement = ""
                depth = 0
                quote = nil
            }
        }
        if !legacy.isEmpty {
            reader.report(file: path, line: legacyLine, "line continued with '\\' at end of file")
        }
        if !statement.isEmpty {
            let problem = quote != nil ? "unterminated quoted string" : "unbalanced '(' at end of file"
            reader.report(file: path, line: statementLine, problem)
            rainerScript(statement, file: path, line: statementLine)
        }
    }

    mutating func legacyDirective(_ text: String, file: String, line: Int) {
        let words = ConfigWords.split(text)
        let directive = words.first?.lowercased()
        if let value = words.dropFirst().first {
            switch directive {
            case "$filecreatemode": fileCreateMode = value
            case "$defaultnetstreamdriver": defaultDriver = value.lowercased()
            case "$actionsendstreamdrivermode": sendStreamDriverMode = value
            default: break
            }
        }
        guard directive == "$includeconfig" else { return }
        guard words.count > 1 else {
            reader.report(file: file, line: line, "$IncludeConfig without a path")
            return
        }
        include(words[1], optional: false, file: file, line: line)
    }

    mutating func include(_ pattern: String, optional: Bool, file: String, line: Int) {
        let target = ConfigFilePath.resolve(pattern, against: "")
        if reader.files.isDirectory(target) {
            for name in reader.files.list(target) where !name.hasPrefix(".") {
                parseFile(target + "/" + name)
            }
            return
        }
        let paths = reader.expand(target)
        if !Glob.hasMagic(target) && !optional && reader.files.list(target).isEmpty {
            if case .failure(let error) = reader.files.read(target), error.reason == .missing {
                reader.report(file: file, line: line, "included file \(target) does not exist", level: .warning)
                return
            }
        }
        for path in paths { parseFile(path) }
    }

    mutating func rainerScript(_ statement: String, file: String, line: Int) {
        var rest = Substring(statement)
        while let open = rest.range(of: "(") {
            let name = rest[..<open.lowerBound].reversed().drop { $0.isWhitespace }.prefix { $0.isLetter || $0 == "_" }
            let keyword = String(name.reversed()).lowercased()
            var depth = 1
            var index = open.upperBound
            var quote: Character?
            while index < rest.endIndex && depth > 0 {
                Self.track(rest[index], quote: &quote, depth: &depth)
                index = rest.index(after: index)
            }
            let body = rest[open.upperBound..<index]
            if keyword == "include" {
                let parameters = Self.parameters(body)
                if let target = parameters["file"] {
                    include(target, optional: parameters["mode"] == "optional", file: file, line: line)
                }
            } else if keyword == "module" || keyword == "global" {
                let parameters = Self.parameters(body)
                if keyword == "module", parameters["load"]?.lowercased() == "builtin:omfile",
                    let mode = parameters["filecreatemode"]
                {
                    moduleFileCreateMode = mode
                }
                if keyword == "global", let driver = parameters["defaultnetstreamdriver"] {
                    defaultDriver = driver.lowercased()
                }
            } else if keyword == "action" {
                action(Self.parameters(body), raw: "action(" + body, file: file, line: line, authSelector: false)
            }
            rest = rest[index...]
        }
        // `if … then /var/log/x` or `then @@host` legacy actions inside a script statement.
        if let then = statement.range(of: " then ") {
            let action = statement[then.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
            if action.hasPrefix("@") { setForward(legacyAction: action, file: file, line: line) }
        }
    }

    mutating func selectorLine(_ text: String, file: String, line: Int) {
        if text.hasPrefix("&") || text.hasPrefix(":") {
            // Continuation action (`& stop`) or a property filter: look for forwarding only.
            if let at = text.firstIndex(of: "@") {
                setForward(legacyAction: String(text[at...]), file: file, line: line)
            }
            return
        }
        if let first = text.first, "/-@|~".contains(first) {
            // An action without a selector, inside an `if … then { … }` block.
            if first == "@" { setForward(legacyAction: text, file: file, line: line) }
            return
        }
        guard let gap = text.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
            reader.report(file: file, line: line, "selector without an action; the line is not shown")
            return
        }
        let selector = text[..<gap]
        let action = text[gap...].trimmingCharacters(in: .whitespaces)
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789*.,;!=<>_-")
        guard selector.contains("."), selector.lowercased().allSatisfy({ allowed.contains($0) }), !action.isEmpty else {
            reader.report(file: file, line: line, "not an rsyslog selector line; the line is not shown")
            return
        }
        rules += 1
        if firstRule == nil { firstRule = (file, line) }
        let coversAuth = selector.split(separator: ";").contains { part in
            guard let dot = part.lastIndex(of: ".") else { return false }
            let facilities = part[..<dot].split(separator: ",").map { $0.lowercased() }
            let priority = part[part.index(after: dot)...].lowercased()
            return priority != "none" && (facilities.contains("auth") || facilities.contains("authpriv"))
        }
        if action.hasPrefix("action(") {
            let parameters = Self.parameters(Substring(action.dropFirst(7)))
            self.action(parameters, raw: action, file: file, line: line, authSelector: coversAuth)
            return
        }
        if action.hasPrefix("@") { setForward(legacyAction: action, file: file, line: line) }
        if coversAuth && authDestination == nil {
            let destination = action.hasPrefix("-") ? String(action.dropFirst()) : action
            authDestination = ConfigEntry(value: destination, file: file, line: line)
            if destination.hasPrefix("/") { setAuthFileMode(nil, file: file, line: line) }
        }
    }

    mutating func action(_ parameters: [String: String], raw: String, file: String, line: Int, authSelector: Bool) {
        let type = parameters["type"]?.lowercased() ?? ""
        if type == "omfwd" || type == "omrelp" {
            if let target = parameters["target"] {
                let port = parameters["port"].map { ":" + $0 } ?? ""
                let driver = parameters["streamdriver"]?.lowercased() ?? defaultDriver ?? ""
                let tls =
                    type == "omrelp"
                    ? parameters["tls"]?.lowercased() == "on"
                    : Self.tlsDrivers.contains(driver) && parameters["streamdrivermode"] == "1"
                setForward(target + port, tls: tls, file: file, line: line)
            } else {
                reader.report(file: file, line: line, "\(type) action without target", level: .warning)
            }
        }
        if authSelector && authDestination == nil {
            let value = parameters["file"] ?? parameters["target"] ?? String(raw.prefix(200))
            authDestination = ConfigEntry(value: value, file: file, line: line)
            if type == "omfile" { setAuthFileMode(parameters["filecreatemode"], file: file, line: line) }
        }
    }

    mutating func setAuthFileMode(_ own: String?, file: String, line: Int) {
        if let mode = own ?? fileCreateMode ?? moduleFileCreateMode {
            authFileMode = ConfigEntry(value: mode, file: file, line: line)
        } else {
            authFileMode = ConfigEntry(value: "0644", file: file, line: line, isDefault: true)
        }
    }

    /// A legacy `@host` (UDP, never encrypted) or `@@host` (TCP, encrypted with the default TLS driver in mode 1).
    mutating func setForward(legacyAction action: String, file: String, line: Int) {
        let tls =
            action.hasPrefix("@@") && Self.tlsDrivers.contains(defaultDriver ?? "") && sendStreamDriverMode == "1"
        setForward(Self.legacyTarget(action), tls: tls, file: file, line: line)
    }

    mutating func setForward(_ target: String, tls: Bool, file: String, line: Int) {
        guard forward == nil, !target.isEmpty else { return }
        forward = ConfigEntry(value: target, file: file, line: line)
        forwardTLS = ConfigEntry(value: tls ? "yes" : "no", file: file, line: line)
    }
}
