import CapdoCore

/// Parses `etc/passwd` (`name:x:uid:gid:gecos:home:shell`): pure text → entries with line numbers.
public enum PasswdParser {
    /// One passwd line; `passwordField` is only used to tell `x` from an inline hash and never stored.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var passwordField: String
        public var uid: Int
        public var gid: Int
        public var home: String
        public var shell: String
        public var line: Int
    }

    /// Entries and issues (`line N: malformed`, never the line's content).
    public static func parse(_ text: String, file: String, collector: String = "accounts") -> (
        entries: [Entry], issues: [CollectionIssue]
    ) {
        var entries: [Entry] = []
        var issues: [CollectionIssue] = []
        for (number, record) in ColonFile.records(text) {
            let fields = record.map(String.init)
            guard fields.count == 7, !fields[0].isEmpty, let uid = Int(fields[2]), let gid = Int(fields[3]) else {
                issues.append(
                    CollectionIssue(
                        collector: collector, level: .warning, file: file, line: number,
                        message: "malformed passwd entry; ignored"))
                continue
            }
            entries.append(
                Entry(
                    name: fields[0], passwordField: fields[1], uid: uid, gid: gid, home: fields[5], shell: fields[6],
                    line: number))
        }
        return (entries, issues)
    }

    /// False for shells that refuse a login (`nologin`, `false`, `sync`, `halt`, `shutdown`).
    public static func isInteractive(shell: String) -> Bool {
        let base = shell.split(separator: "/").last.map(String.init) ?? ""
        return !["nologin", "false", "sync", "halt", "shutdown"].contains(base)
    }
}
