import CapdoCore

/// Parses NFS server exports (`config.nfs_exports`): `etc/exports` and `etc/exports.d/*.exports`.
///
/// A line is `path [-defaults] client(options) …` (exports(5)), continued with a trailing `\`. A client of `*`,
/// or none, or an options group standing alone (`path (rw)`, with a space: the classic mistake) is the whole
/// network. Options: the last of `rw`/`ro` wins (default `ro`), `no_root_squash` keeps client root as root.
/// Keys: `exports` = number of (path, client) pairs, `world_writable` = pairs open to every host and writable,
/// `no_root_squash` = pairs with `no_root_squash`; each located at its first instance.
public enum NfsExportsParser: ConfigFileParser {
    public static let collector = "config.nfs_exports"
    public static let summary = "NFS exports (etc/exports, etc/exports.d)"
    static let everyone: Set<String> = ["*", "", "0.0.0.0/0", "::/0", "*.*"]

    /// The clients of one export line with their options, or nil when the line has no path.
    public static func clients(_ line: String) -> (path: String, clients: [(client: String, options: [String])])? {
        let words = ConfigWords.split(line)
        guard let path = words.first else { return nil }
        var defaults: [String] = []
        var result: [(String, [String])] = []
        for word in words.dropFirst() {
            if word.hasPrefix("-") && result.isEmpty {
                defaults = word.dropFirst().split(separator: ",").map(String.init)
                continue
            }
            if let open = word.firstIndex(of: "("), word.hasSuffix(")") {
                let client = String(word[..<open])
                let options = word[word.index(after: open)..<word.index(before: word.endIndex)]
                result.append((client, defaults + options.split(separator: ",").map(String.init)))
            } else {
                result.append((word, defaults))
            }
        }
        if result.isEmpty { result.append(("", defaults)) }
        return (path, result)
    }

    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        var reader = ConfigFileReader(collector: collector, files: files)
        var counts = ["exports": 0, "world_writable": 0, "no_root_squash": 0]
        var firsts: [String: (String, Int)] = [:]
        let paths = ["etc/exports"] + files.files(in: "etc/exports.d") { $0.hasSuffix(".exports") }
        for path in paths {
            guard let text = reader.text(path) else { continue }
            let (lines, unfinished) = reader.lines(text, file: path).joiningContinuations { $0.hasPrefix("#") }
            if let unfinished {
                reader.report(file: path, line: unfinished, "line continued with '\\' at end of file")
            }
            for line in lines {
                guard let export = clients(line.text), export.path.hasPrefix("/") || export.path.hasPrefix("\"")
                else {
                    reader.report(file: path, line: line.number, "an export must start with an absolute path")
                    continue
                }
                for (client, options) in export.clients {
                    var found = ["exports"]
                    let writable = options.last { $0 == "rw" || $0 == "ro" } == "rw"
                    if writable && everyone.contains(client) { found.append("world_writable") }
                    if options.contains("no_root_squash") { found.append("no_root_squash") }
                    for key in found {
                        counts[key, default: 0] += 1
                        if firsts[key] == nil { firsts[key] = (path, line.number) }
                    }
                }
            }
        }
        var entries: [String: ConfigEntry] = [:]
        if reader.found {
            for (key, count) in counts {
                entries[key] = ConfigEntry(value: String(count), file: firsts[key]?.0, line: firsts[key]?.1)
            }
        }
        return (reader.section(entries), reader.issues)
    }
}
