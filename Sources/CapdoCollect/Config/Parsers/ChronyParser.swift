import CapdoCore
import Foundation

/// Parses chrony's configuration for time sources (`config.chrony`).
///
/// Reads `etc/chrony/chrony.conf` and, where they appear, `confdir` directories (`*.conf`; a name in an earlier
/// directory masks the same name later; name order), `sourcedir` directories (`*.sources`) and `include`
/// globs. Keys: `server` and `pool` (space-joined hosts, at the first), `sources` = number of server and pool
/// lines; `allow` = number of `allow` lines (each opens the NTP server to clients), `cmdport`, `makestep`
/// (its two numbers, space-joined) and `user` as written (the last one wins, as chronyd reads them).
public struct ChronyParser: ConfigFileParser {
    public static let collector = "config.chrony"
    public static let summary = "chrony time sources"
    public static let mainFile = "etc/chrony/chrony.conf"
    public static let maxDepth = 8

    var reader: ConfigFileReader
    var hosts: [String: (values: [String], file: String, line: Int)] = [:]
    var sources = 0
    var allow: (count: Int, file: String?, line: Int?) = (0, nil, nil)
    var settings: [String: ConfigEntry] = [:]

    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        var parser = ChronyParser(reader: ConfigFileReader(collector: collector, files: files))
        parser.parseFile(mainFile)
        var entries = parser.settings
        for (key, found) in parser.hosts {
            entries[key] = ConfigEntry(value: found.values.joined(separator: " "), file: found.file, line: found.line)
        }
        if parser.reader.found {
            let first = [entries["server"], entries["pool"]].compactMap { $0 }.first
            entries["sources"] = ConfigEntry(value: String(parser.sources), file: first?.file, line: first?.line)
            entries["allow"] = ConfigEntry(
                value: String(parser.allow.count), file: parser.allow.file, line: parser.allow.line)
        }
        return (parser.reader.section(entries), parser.reader.issues)
    }
}

private extension ChronyParser {
    mutating func parseFile(_ path: String) {
        guard let text = reader.enter(path, maxDepth: Self.maxDepth) else { return }
        defer { reader.leave() }
        let onlySources = path.hasSuffix(".sources")
        for line in reader.lines(text, file: path) {
            let trimmed = line.text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || "#!;%".contains(trimmed.first ?? "#") { continue }
            let words = ConfigWords.split(trimmed)
            guard let directive = words.first?.lowercased() else { continue }
            if onlySources && !["server", "pool", "peer"].contains(directive) {
                reader.report(file: path, line: line.number, "only server, pool and peer belong in a sources file")
                continue
            }
            switch directive {
            case "server", "pool", "peer":
                guard words.count > 1 else {
                    reader.report(file: path, line: line.number, "\(directive) without a host")
                    continue
                }
                if directive == "peer" { continue }
                sources += 1
                var found = hosts[directive] ?? ([], path, line.number)
                found.values.append(words[1])
                hosts[directive] = found
            case "allow":
                if allow.count == 0 { allow = (0, path, line.number) }
                allow.count += 1
            case "cmdport", "makestep", "user":
                guard words.count > 1 else {
                    reader.report(file: path, line: line.number, "\(directive) without a value")
                    continue
                }
                let value = words.dropFirst().prefix(directive == "makestep" ? 2 : 1).joined(separator: " ")
                settings[directive] = ConfigEntry(value: value, file: path, line: line.number)
            case "confdir", "sourcedir":
                let suffix = directive == "confdir" ? ".conf" : ".sources"
                var chosen: [String: String] = [:]
                for directory in words.dropFirst() {
                    let base = ConfigFilePath.normalize(directory)
                    for name in reader.files.list(base) where name.hasSuffix(suffix) && chosen[name] == nil {
                        chosen[name] = base + "/" + name
                    }
                }
                for name in chosen.keys.sorted() { if let file = chosen[name] { parseFile(file) } }
            case "include":
                for pattern in words.dropFirst().prefix(1) {
                    for file in reader.expand(ConfigFilePath.normalize(pattern)) { parseFile(file) }
                }
            default:
                continue
            }
        }
    }
}
