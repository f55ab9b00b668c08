import CapdoCore
import Foundation

/// Parses Apache httpd's Debian-layout configuration (`config.apache2`).
///
/// Reads `etc/apache2/apache2.conf` and follows `Include`/`IncludeOptional` (globs or directories, relative to
/// `etc/apache2`) in place, loops and nesting bounded; lines continue with a trailing backslash; `<Section>`
/// nesting is checked. Keys: `ServerTokens`, `ServerSignature`, `SSLProtocol`, `ErrorLog` (the server-wide value —
/// last outside any section — else the first inside one; defaults `Full` and `Off` for the first two),
/// `CustomLog` (first), `Options_Indexes` = `yes` when any `Options` enables `Indexes` (or `All`).
public struct Apache2Parser: ConfigFileParser {
    public static let collector = "config.apache2"
    public static let summary = "Apache httpd logging, version disclosure, TLS and listings"
    public static let mainFile = "etc/apache2/apache2.conf"
    public static let serverRoot = "etc/apache2"
    public static let maxDepth = 16
    public static let maxFiles = 2048
    static let serverWide = ["ServerTokens", "ServerSignature", "SSLProtocol", "ErrorLog"]

    var reader: ConfigFileReader
    var global: [String: ConfigEntry] = [:]
    var inSection: [String: ConfigEntry] = [:]
    var customLog: ConfigEntry?
    var indexes: ConfigEntry?

    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        var parser = Apache2Parser(reader: ConfigFileReader(collector: collector, files: files))
        parser.parseFile(mainFile)
        var entries: [String: ConfigEntry] = [:]
        for key in serverWide {
            if let entry = parser.global[key] ?? parser.inSection[key] { entries[key] = entry }
        }
        if let customLog = parser.customLog { entries["CustomLog"] = customLog }
        if parser.reader.found {
            entries["Options_Indexes"] = parser.indexes ?? ConfigEntry(value: "no")
            if entries["ServerTokens"] == nil { entries["ServerTokens"] = .defaultValue("Full") }
            if entries["ServerSignature"] == nil { entries["ServerSignature"] = .defaultValue("Off") }
        }
        return (parser.reader.section(entries), parser.reader.issues)
    }

    /// True when an `Options` argument list enables directory listings.
    public static func enablesIndexes(_ arguments: [String]) -> Bool {
        arguments.contains { ["indexes", "+indexes", "all"].contains($0.lowercased()) }
    }
}

private extension Apache2Parser {
    mutating func parseFile(_ path: String) {
        if reader.files.isDirectory(path) {
            guard reader.enter(directory: path, maxDepth: Self.maxDepth, maxFiles: Self.maxFiles) else { return }
            defer { reader.leave() }
            for name in reader.files.list(path) where !name.hasPrefix(".") { parseFile(path + "/" + name) }
            return
        }
        guard let text = reader.enter(path, maxDepth: Self.maxDepth, maxFiles: Self.maxFiles) else { return }
        defer { reader.leave() }
        var sections: [(name: String, line: Int)] = []
        let (lines, unfinished) = reader.lines(text, file: path).joiningContinuations { $0.hasPrefix("#") }
        for line in lines {
            let content = line.text
            let number = line.number
            if content.hasPrefix("</") {
                let name = content.dropFirst(2).prefix { $0 != ">" && $0 != " " }.lowercased()
                guard let open = sections.last else {
                    reader.report(file: path, line: number, "</\(name.prefix(80))> without an open section")
                    continue
                }
                if open.name != name {
                    reader.report(
                        file: path, line: number,
                        "</\(name.prefix(80))> closes <\(open.name.prefix(80))> opened at line \(open.line)")
                }
                sections.removeLast()
                continue
            }
            if content.hasPrefix("<") {
                let name = content.dropFirst().prefix { $0 != ">" && $0 != " " && $0 != "\t" }.lowercased()
                if !content.hasSuffix(">") {
                    reader.report(file: path, line: number, "section <\(name.prefix(80)) has no closing '>'")
                }
                sections.append((name, number))
                continue
            }
            let words = ConfigWords.split(content)
            guard let name = words.first else { continue }
            directive(name, Array(words.dropFirst()), file: path, line: number, nested: !sections.isEmpty)
        }
        if let unfinished { reader.report(file: path, line: unfinished, "line continued with '\\' at end of file") }
        if let open = sections.last {
            reader.report(file: path, line: open.line, "<\(open.name.prefix(80))> not closed before end of file")
        }
    }

    mutating func directive(_ raw: String, _ arguments: [String], file: String, line: Int, nested: Bool) {
        let lower = raw.lowercased()
        if lower == "include" || lower == "includeoptional" {
            guard let pattern = arguments.first else {
                reader.report(file: file, line: line, "\(raw) without a path")
                return
            }
            let target = ConfigFilePath.resolve(pattern, against: Self.serverRoot)
            let matches = reader.expand(target)
            if lower == "include" && !Glob.hasMagic(target) && !reader.files.isDirectory(target),
                case .failure(let error) = reader.files.read(target), error.reason == .missing
            {
                reader.report(file: file, line: line, "included file \(target) does not exist")
                return
            }
            if lower == "include" && Glob.hasMagic(target) && matches.isEmpty {
                reader.report(file: file, line: line, "Include pattern \(target) matches no file", level: .warning)
            }
            for match in matches { parseFile(match) }
            return
        }
        let entry = ConfigEntry(value: arguments.joined(separator: " "), file: file, line: line)
        if lower == "options" {
            if indexes == nil && Self.enablesIndexes(arguments) {
                indexes = ConfigEntry(value: "yes", file: file, line: line)
            }
            return
        }
        if lower == "customlog" {
            if customLog == nil { customLog = entry }
            return
        }
        guard let key = Self.serverWide.first(where: { $0.lowercased() == lower }) else { return }
        if nested {
            if inSection[key] == nil { inSection[key] = entry }
        } else {
            global[key] = entry
        }
    }
}
