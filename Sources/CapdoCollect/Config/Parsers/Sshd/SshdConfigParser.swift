import CapdoCore

/// Parses `etc/ssh/sshd_config` and its `Include`d files the way OpenSSH 9.2's sshd does, into the values
/// `sshd -T` would print.
///
/// Keywords are case-insensitive; the first value of a keyword wins, except keywords that accumulate
/// (`Port`, `ListenAddress`, `HostKey`, `AllowUsers`, `AcceptEnv`, `Subsystem`, …). `Match` blocks go to
/// `blocks` and are not applied to `entries`; `Match all` returns to the global section. An `Include` is
/// resolved against `etc/ssh`, expanded like glob(3) (sorted) and read in place; inside a `Match` block its
/// lines belong to that block, and a `Match` inside an included file ends with that file. Every key
/// `sshd -T` prints gets a value: a file's, or OpenSSH 9.2's default flagged `default: true`.
///
/// sshd checks every line, not only the first of a keyword: an invalid value anywhere (`PermitRootLogin no`
/// then `PermitRootLogin wrong_value`) makes it refuse the whole file. Such a keyword keeps no file value, so
/// a rule on it sees the error naming file:line, exactly as when the invalid line is the only one.
public enum SshdConfigParser: ConfigFileParser {
    public static let collector = "config.sshd"
    public static let summary = "OpenSSH server settings as sshd -T would print them, with Match blocks"
    public static let mainFile = "etc/ssh/sshd_config"
    /// sshd's limit on nested includes (`SERVCONF_MAX_DEPTH`).
    static let maxDepth = 16
    /// At most this many files are read through `Include` in one parse, repeats counted. The depth limit alone
    /// does not bound the work: a file that includes itself twice is read 2^16 times before it stops.
    static let maxIncludedFiles = 256

    /// Parses `etc/ssh/sshd_config` and what it includes.
    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        parse(files, mainFile: mainFile)
    }

    /// Parses the configuration rooted at `mainFile`; a missing main file gives `present: false`.
    public static func parse(_ files: ConfigFiles, mainFile: String) -> (ConfigSection, [CollectionIssue]) {
        var state = State(files: files)
        guard let text = state.reader.text(mainFile) else {
            return (ConfigSection(files: [], present: false), state.reader.issues)
        }
        state.parseFile(mainFile, text: text, depth: 0, outerBlock: nil)
        return (state.section(), state.reader.issues)
    }

    /// Parses a single file's text (no includes are followed when `source` is empty).
    public static func parse(text: String, file: String = SshdConfigParser.mainFile) -> (
        ConfigSection, [CollectionIssue]
    ) {
        parse(.memory([file: text]), mainFile: file)
    }
}

/// A keyword's settings in one scope (global or one `Match` block).
private struct Scope {
    var entries: [String: ConfigEntry] = [:]
    var listenAddresses: [(spec: String, file: String, line: Int)] = []
    var subsystems: Set<String> = []
    /// Keywords with an invalid value in this scope: sshd refuses the file, so no value of theirs is in force.
    var refused: Set<String> = []
}

/// Mutable parsing state for one run.
private struct State {
    var reader: ConfigFileReader
    var files: [String] = []
    var global = Scope()
    var blocks: [(block: ConfigBlock, scope: Scope)] = []
    /// Index into `blocks` of the `Match` block being read, nil for global.
    var current: Int?
    /// Files read through `Include` so far (see `SshdConfigParser.maxIncludedFiles`).
    var includedFiles = 0
    var includeLimitReported = false

    init(files: ConfigFiles) {
        reader = ConfigFileReader(collector: SshdConfigParser.collector, files: files)
    }

    mutating func report(_ file: String, _ line: Int?, _ message: String, level: CollectionIssue.Level = .error) {
        reader.report(file: file, line: line, message, level: level)
    }

    mutating func parseFile(_ file: String, text: String, depth: Int, outerBlock: Int?) {
        files.append(file)
        for line in reader.lines(text, file: file) {
            processLine(Substring(line.text), file: file, line: line.number, depth: depth, outerBlock: outerBlock)
        }
    }

    mutating func processLine(_ rawLine: Substring, file: String, line: Int, depth: Int, outerBlock: Int?) {
        guard let split = SshdLineSplitter.split(rawLine) else { return }
        let keyword = split.keyword
        if keyword.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0.value == 0xFFFD }) {
            report(file, line, "unreadable bytes where a keyword was expected (sshd refuses to start with this file)")
            return
        }
        var name = keyword.lowercased()
        guard var kind = SshdKeyword.table[name] else {
            report(
                file, line,
                "unknown keyword\(IssueQuote.keyword(keyword)) (sshd refuses to start: Bad configuration option)")
            return
        }
        if case .alias(let target) = kind, let resolved = SshdKeyword.table[target] {
            name = target
            kind = resolved
        }
        if split.rest.isEmpty {
            report(file, line, "no argument after keyword '\(keyword)' (sshd refuses to start)")
            return
        }
        guard let args = SshdLineSplitter.arguments(split.rest), let first = args.first else {
            report(file, line, "invalid quotes in the arguments of '\(keyword)' (sshd refuses to start)")
            return
        }
        if name == "match" {
            startMatch(args, file: file, line: line, outerBlock: outerBlock)
            return
        }
        if name == "include" {
            include(args, file: file, line: line, depth: depth)
            return
        }
        if current != nil && !SshdKeyword.allowedInMatch.contains(name) {
            report(file, line, "'\(keyword)' is not allowed inside a Match block (sshd refuses to start)")
            return
        }
        if case .deprecated = kind {
            report(file, line, "'\(keyword)' is deprecated and ignored by OpenSSH 9.2", level: .warning)
            return
        }
        let context = SshdValueContext(keyword: keyword, name: name, args: args, first: first, rest: split.rest)
        switch SshdValueFormatter.format(kind: kind, context: context) {
        case .failure(let message):
            report(file, line, message)
            refuse(name)
        case .success(let value):
            store(name: name, kind: kind, value: value, first: first, args: args, file: file, line: line)
        }
    }

    /// Drops the keyword's value in the current scope and ignores its later lines.
    mutating func refuse(_ name: String) {
        if let current {
            blocks[current].scope.refused.insert(name)
            blocks[current].scope.entries[name] = nil
        } else {
            global.refused.insert(name)
            global.entries[name] = nil
        }
    }

    mutating func store(
        name: String, kind: SshdKeyword, value: String?, first: String, args: [String], file: String, line: Int
    ) {
        var scope = current.map { blocks[$0].scope } ?? global
        defer {
            if let current { blocks[current].scope = scope } else { global = scope }
        }
        switch name {
        case "listenaddress":
            scope.listenAddresses.append((first, file, line))
            return
        case "subsystem":
            if scope.subsystems.contains(first) {
                report(file, line, "Subsystem '\(first)' already defined (sshd refuses to start)")
                return
            }
            scope.subsystems.insert(first)
        default:
            break
        }
        guard let value, !scope.refused.contains(name) else { return }
        let accumulates: Bool
        switch kind {
        case .accumulate: accumulates = true
        default: accumulates = name == "port" || name == "subsystem"
        }
        if var existing = scope.entries[name] {
            if accumulates {
                existing.value += " " + value
                scope.entries[name] = existing
            }
        } else {
            scope.entries[name] = ConfigEntry(value: value, file: file, line: line)
        }
    }

    mutating func startMatch(_ args: [String], file: String, line: Int, outerBlock: Int?) {
        if args.count == 1 && args[0].lowercased() == "all" {
            current = outerBlock
            return
        }
        let criteria = args.joined(separator: " ")
        let known: Set<String> = ["user", "group", "host", "localaddress", "localport", "rdomain", "address", "all"]
        var index = 0
        while index < args.count {
            let attribute = args[index].lowercased()
            if attribute == "all" {
                report(file, line, "'all' cannot be combined with other Match criteria (sshd refuses to start)")
                index += 1
                continue
            }
            if !known.contains(attribute) {
                report(
                    file, line, "unsupported Match attribute\(IssueQuote.keyword(args[index])) (sshd refuses to start)")
            } else if index + 1 >= args.count {
                report(file, line, "Match attribute '\(args[index])' has no value (sshd refuses to start)")
            }
            index += 2
        }
        blocks.append((ConfigBlock(criteria: criteria, file: file, line: line), Scope()))
        current = blocks.count - 1
    }

    mutating func include(_ args: [String], file: String, line: Int, depth: Int) {
        guard depth + 1 <= SshdConfigParser.maxDepth else {
            report(
                file, line, "includes nested deeper than \(SshdConfigParser.maxDepth) levels (sshd refuses to start)")
            return
        }
        let saved = current
        for pattern in args {
            let path = pattern.hasPrefix("/") ? String(pattern.drop(while: { $0 == "/" })) : "etc/ssh/" + pattern
            for match in reader.expand(path) {
                guard includedFiles < SshdConfigParser.maxIncludedFiles else {
                    // Reported once, past the per-file cap: a loop has usually used up its file's issues already.
                    if !includeLimitReported {
                        includeLimitReported = true
                        reader.report(
                            file: file, line: line,
                            "more than \(SshdConfigParser.maxIncludedFiles) files read through Include "
                                + "(an include loop?); '\(match)' and every later Include are ignored", uncapped: true)
                    }
                    current = saved
                    return
                }
                switch reader.load(match) {
                case .success(let text):
                    includedFiles += 1
                    parseFile(match, text: text, depth: depth + 1, outerBlock: saved)
                case .failure(let error):
                    if error.reason != .missing { report(file, line, "Include: " + error.description) }
                }
                current = saved
            }
        }
        current = saved
    }

    func finish(_ scope: Scope, withDefaults: Bool) -> [String: ConfigEntry] {
        var entries = scope.entries
        if withDefaults {
            if entries["port"] == nil { entries["port"] = .defaultValue("22") }
        }
        let ports = (entries["port"]?.value ?? "22").split(separator: " ").map(String.init)
        if let firstAddress = scope.listenAddresses.first {
            let values = scope.listenAddresses.flatMap { SshdListenAddress.expand($0.spec, ports: ports) }
            entries["listenaddress"] = ConfigEntry(
                value: values.joined(separator: " "), file: firstAddress.file, line: firstAddress.line)
        } else if withDefaults {
            let family = entries["addressfamily"]?.value ?? "any"
            var values: [String] = []
            for port in ports {
                if family != "inet" { values.append("[::]:\(port)") }
                if family != "inet6" { values.append("0.0.0.0:\(port)") }
            }
            entries["listenaddress"] = .defaultValue(values.joined(separator: " "))
        }
        if withDefaults {
            for (key, value) in SshdDefaults.values where entries[key] == nil {
                entries[key] = .defaultValue(value)
            }
        }
        return entries
    }

    func section() -> ConfigSection {
        let finished = blocks.map { item -> ConfigBlock in
            var block = item.block
            block.entries = finish(item.scope, withDefaults: false)
            return block
        }
        return ConfigSection(files: files, present: true, entries: finish(global, withDefaults: true), blocks: finished)
    }
}
