import CapdoCore

/// Parses `etc/sudoers` and the files it includes (`#include`/`@include` files, `#includedir`/`@includedir`
/// directories, skipping names containing `.` or ending in `~` as sudo does), joining `\` continuations.
///
/// Keys: `rules` = count of user specifications; `nopasswd` = count of those with `NOPASSWD:` plus `Defaults`
/// lines setting `!authenticate`, located at the first; `includedir` = the included directories,
/// space-joined.
public enum SudoersParser: ConfigFileParser {
    public static let collector = "config.sudoers"
    public static let summary = "sudo rules, NOPASSWD grants and includes from etc/sudoers"
    public static let file = "etc/sudoers"
    static let maxDepth = 8

    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        var state = SudoersState(files: files)
        state.read(file, chain: [], from: nil)
        guard !state.files.isEmpty else { return (ConfigSection(present: false), state.reader.issues) }
        var entries: [String: ConfigEntry] = [:]
        entries["rules"] = ConfigEntry(value: String(state.rules), file: file)
        if let first = state.firstNopasswd {
            entries["nopasswd"] = ConfigEntry(value: String(state.nopasswd), file: first.file, line: first.line)
        } else {
            entries["nopasswd"] = ConfigEntry(value: "0", file: file)
        }
        if let first = state.includeDirs.first {
            entries["includedir"] = ConfigEntry(
                value: state.includeDirs.map(\.path).joined(separator: " "), file: first.file, line: first.line)
        }
        return (ConfigSection(files: state.files, present: true, entries: entries), state.reader.issues)
    }
}

/// Counting state while reading sudoers files.
private struct SudoersState {
    var reader: ConfigFileReader
    var files: [String] = []
    var rules = 0
    var nopasswd = 0
    var firstNopasswd: (file: String, line: Int)?
    var includeDirs: [(path: String, file: String, line: Int)] = []

    init(files: ConfigFiles) {
        reader = ConfigFileReader(collector: SudoersParser.collector, files: files)
    }

    mutating func read(_ path: String, chain: [String], from: (file: String, line: Int)?) {
        guard chain.count <= SudoersParser.maxDepth, !chain.contains(path) else {
            reader.report(
                file: from?.file ?? path, line: from?.line, "include of '\(path)' loops or nests too deep; not followed"
            )
            return
        }
        guard let text = reader.text(path) else {
            if let from {
                reader.report(file: from.file, line: from.line, "included file '\(path)' not found", level: .warning)
            }
            return
        }
        if !files.contains(path) { files.append(path) }
        for (number, line) in PamLine.logicalLines(reader.lines(text, file: path)) {
            handle(line.authTrimmed(), file: path, line: number, chain: chain + [path])
        }
    }

    mutating func handle(_ line: String, file: String, line number: Int, chain: [String]) {
        for directive in ["#includedir", "@includedir", "#include", "@include"] where line.hasPrefix(directive + " ") {
            let target = resolve(String(line.dropFirst(directive.count)).authTrimmed(), relativeTo: file)
            if directive.hasSuffix("dir") {
                includeDirs.append((target, file, number))
                for name in reader.files.list(target) where !name.contains(".") && !name.hasSuffix("~") {
                    read(target + "/" + name, chain: chain, from: (file, number))
                }
            } else {
                read(target, chain: chain, from: (file, number))
            }
            return
        }
        if line.isEmpty || line.hasPrefix("#") { return }
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let head = words.first else { return }
        if head.hasPrefix("Defaults") {
            let authOff = words.dropFirst().contains { $0.hasPrefix("!authenticate") }
            if authOff { countNopasswd(file, number) }
            return
        }
        let aliases = ["User_Alias", "Runas_Alias", "Host_Alias", "Cmnd_Alias", "Cmd_Alias"]
        if aliases.contains(String(head)) { return }
        guard line.contains("=") else {
            reader.report(
                file: file, line: number, "not a sudoers rule (no '=' after the user list); the line is not shown")
            return
        }
        rules += 1
        if line.contains("NOPASSWD:") { countNopasswd(file, number) }
    }

    mutating func countNopasswd(_ file: String, _ line: Int) {
        nopasswd += 1
        if firstNopasswd == nil { firstNopasswd = (file, line) }
    }

    /// Absolute paths are root-relative; relative ones are relative to the including file's directory.
    func resolve(_ target: String, relativeTo file: String) -> String {
        var path = target
        if path.count >= 2, path.hasPrefix("\""), path.hasSuffix("\"") { path = String(path.dropFirst().dropLast()) }
        if path.hasPrefix("/") { return String(path.drop(while: { $0 == "/" })) }
        let directory = file.split(separator: "/").dropLast().joined(separator: "/")
        return directory.isEmpty ? path : directory + "/" + path
    }
}
