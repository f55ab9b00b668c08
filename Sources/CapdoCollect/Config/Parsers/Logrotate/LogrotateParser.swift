import CapdoCore
import Foundation

/// Parses logrotate's configuration for log retention (`config.logrotate`).
///
/// Reads `etc/logrotate.conf` and what it `include`s (a directory includes its files in name order, skipping
/// hidden names and logrotate's taboo extensions such as `.dpkg-old`). Global directives may appear in any
/// file and apply to blocks that start after them; a block starts from the global settings of that moment.
public struct LogrotateParser: ConfigFileParser {
    public static let collector = "config.logrotate"
    public static let summary = "Log rotation and retention from logrotate.conf"
    public static let mainFile = "etc/logrotate.conf"
    /// logrotate's default `tabooext` list: included directory entries ending so are skipped.
    public static let tabooSuffixes = [
        ",v", ".cfsaved", ".disabled", ".dpkg-bak", ".dpkg-del", ".dpkg-dist", ".dpkg-new", ".dpkg-old",
        ".rpmnew", ".rpmorig", ".rpmsave", ".swp", ".ucf-dist", ".ucf-new", ".ucf-old", "~",
    ]
    /// Known logs: key prefix and the absolute paths that identify them.
    public static let knownLogs: [(prefix: String, paths: [String])] = [
        ("auth", ["/var/log/auth.log", "/var/log/secure"]),
        ("syslog", ["/var/log/syslog", "/var/log/messages"]),
        ("nginx", ["/var/log/nginx/access.log", "/var/log/nginx/error.log"]),
        ("apache2", ["/var/log/apache2/access.log", "/var/log/apache2/error.log"]),
    ]
    static let frequencies: Set<String> = ["hourly", "daily", "weekly", "monthly", "yearly"]
    static let scriptStarts: Set<String> = ["postrotate", "prerotate", "firstaction", "lastaction", "preremove"]
    static let directives: Set<String> = [
        "compress", "nocompress", "compresscmd", "uncompresscmd", "compressext", "compressoptions", "copy", "nocopy",
        "copytruncate", "nocopytruncate", "create", "nocreate", "createolddir", "nocreateolddir", "dateext",
        "nodateext", "dateformat", "dateyesterday", "datehourago", "delaycompress", "nodelaycompress", "extension",
        "addextension", "ifempty", "notifempty", "include", "mail", "nomail", "mailfirst", "maillast", "maxage",
        "minage", "maxsize", "minsize", "missingok", "nomissingok", "olddir", "noolddir", "endscript", "rotate", "size",
        "sharedscripts", "nosharedscripts", "start", "su", "tabooext", "taboopat", "shred", "noshred", "shredcycles",
        "renamecopy", "norenamecopy", "allowhardlink", "noallowhardlink", "ignoreduplicates",
    ]
    /// Deepest include nesting followed.
    public static let maxDepth = 8

    var reader: ConfigFileReader
    var globals = LogrotateSettings()
    var blocks: [LogrotateBlock] = []

    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        var parser = LogrotateParser(reader: ConfigFileReader(collector: collector, files: files))
        parser.parseFile(mainFile)
        return (parser.result(), parser.reader.issues)
    }

    /// Every block found, in order (for tests and callers that need more than the known logs).
    public static func blocks(_ files: ConfigFiles) -> [LogrotateBlock] {
        var parser = LogrotateParser(reader: ConfigFileReader(collector: collector, files: files))
        parser.parseFile(mainFile)
        return parser.blocks
    }
}

private extension LogrotateParser {
    func result() -> ConfigSection {
        var entries = globals.entries(prefix: "", retentionAt: nil, line: nil)
        for known in Self.knownLogs {
            guard let block = blocks.first(where: { block in known.paths.contains { block.covers($0) } }) else {
                continue
            }
            entries.merge(
                block.settings.entries(prefix: known.prefix + ".", retentionAt: block.file, line: block.line)
            ) { first, _ in first }
        }
        return reader.section(entries)
    }

    mutating func parseFile(_ path: String) {
        guard let text = reader.enter(path, maxDepth: Self.maxDepth) else { return }
        defer { reader.leave() }
        var block: LogrotateBlock?
        var pending: [String] = []
        var pendingLine = 0
        var inScript = false
        for line in reader.lines(text, file: path) {
            let trimmed = line.text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            var words = ConfigWords.split(trimmed)
            if inScript {
                if words.first == "endscript" { inScript = false }
                continue
            }
            if block != nil, words.first == "}" || trimmed.hasPrefix("}") {
                if let finished = block { blocks.append(finished) }
                block = nil
                continue
            }
            if block == nil, let brace = words.firstIndex(where: { $0 == "{" || $0.hasSuffix("{") }) {
                var patterns = pending + words[..<brace]
                let last = words[brace].dropLast()
                if !last.isEmpty { patterns.append(String(last)) }
                let start = pending.isEmpty ? line.number : pendingLine
                pending = []
                if patterns.isEmpty {
                    reader.report(file: path, line: line.number, "'{' without log file paths")
                }
                block = LogrotateBlock(
                    patterns: patterns, file: path, line: start, settings: globals.located(at: path, line: start))
                words = Array(words[(brace + 1)...])
                if words.isEmpty { continue }
            }
            guard let keyword = words.first else { continue }
            if keyword == "}" {
                reader.report(file: path, line: line.number, "'}' without an open block")
                continue
            }
            if Self.scriptStarts.contains(keyword) {
                inScript = true
                continue
            }
            if block == nil && (keyword.hasPrefix("/") || keyword.contains("*")) {
                if pending.isEmpty { pendingLine = line.number }
                pending += words
                continue
            }
            if keyword == "include" {
                if block != nil {
                    reader.report(file: path, line: line.number, "include inside a log block is not allowed")
                } else if words.count < 2 {
                    reader.report(file: path, line: line.number, "include without a path")
                } else {
                    include(words[1])
                }
                continue
            }
            if var settings = block?.settings {
                apply(words, to: &settings, file: path, line: line.number)
                block?.settings = settings
            } else {
                var settings = globals
                apply(words, to: &settings, file: path, line: line.number)
                globals = settings
            }
        }
        if inScript { reader.report(file: path, line: nil, "script not closed by 'endscript' before end of file") }
        if let open = block {
            reader.report(file: path, line: open.line, "block not closed by '}' before end of file")
            blocks.append(open)
        }
        if !pending.isEmpty {
            reader.report(file: path, line: pendingLine, "log file paths without a '{' block")
        }
    }

    mutating func include(_ argument: String) {
        let target = ConfigFilePath.resolve(argument, against: "")
        if reader.files.isDirectory(target) {
            for name in reader.files.list(target) where !Self.isTaboo(name) {
                let child = target + "/" + name
                if reader.files.isDirectory(child) { continue }
                parseFile(child)
            }
        } else {
            for path in reader.expand(target) { parseFile(path) }
        }
    }

    static func isTaboo(_ name: String) -> Bool {
        name.hasPrefix(".") || tabooSuffixes.contains { name.hasSuffix($0) } || name.contains(".rhn-cfg-tmp-")
    }

    mutating func apply(_ words: [String], to settings: inout LogrotateSettings, file: String, line: Int) {
        guard let keyword = words.first else { return }
        let argument = words.count > 1 ? words[1] : nil
        if Self.frequencies.contains(keyword) {
            settings.frequency = ConfigEntry(value: keyword, file: file, line: line)
        } else if keyword == "rotate" || keyword == "maxage" {
            guard let argument, let number = Int(argument), number >= -1 else {
                reader.report(file: file, line: line, "\(keyword) needs a number")
                return
            }
            let entry = ConfigEntry(value: String(number), file: file, line: line)
            if keyword == "rotate" { settings.rotate = entry } else { settings.maxage = entry }
        } else if !Self.directives.contains(keyword) {
            reader.report(
                file: file, line: line, "unknown logrotate directive\(IssueQuote.keyword(keyword))", level: .warning)
        }
    }
}
