import CapdoCore

/// Recognises backup tools and remote targets in scheduled commands and cron lines: pure text → values.
public enum BackupCommandParser {
    /// Tools whose presence in a scheduled command counts as a backup job.
    public static let tools = [
        "restic", "borg", "borgmatic", "rsnapshot", "pg_dump", "pg_dumpall", "mysqldump", "mariadb-dump", "duplicity",
        "rsync", "tar", "rclone", "bacula", "urbackup",
    ]

    /// Subcommands of the repository tools (restic, borg, borgmatic) that say what a job does.
    public static let operations: Set<String> = [
        "backup", "create", "check", "verify", "prune", "forget", "compact", "restore", "extract", "init", "copy",
    ]

    /// The first backup tool named in `command` (by the basename of a word), a remote target seen, and for restic,
    /// borg and borgmatic the first subcommand word after the tool (`check` for `restic -r R check`).
    public static func analyse(_ command: String) -> (tool: String, target: String?, operation: String?)? {
        let words = tokens(command)
        guard let index = words.firstIndex(where: { tools.contains(basename($0)) }) else { return nil }
        let tool = basename(words[index])
        let rest = Array(words[(index + 1)...])
        let operation =
            ["restic", "borg", "borgmatic"].contains(tool) ? rest.first { operations.contains($0) } : nil
        return (tool, target(words: rest, tool: tool), operation)
    }

    /// A cron line: `(schedule, command)` for `m h dom mon dow [user] command` or `@daily [user] command`;
    /// nil for comments, blank and variable lines. `hasUser` is true for system crontabs.
    public static func cronLine(_ line: String, hasUser: Bool) -> (schedule: String, command: String)? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
        let fields = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if let first = fields.first, first.contains("="), !first.hasPrefix("@"),
            first.first?.isNumber != true, first.first != "*"
        {
            return nil
        }
        let scheduleCount = fields.first?.hasPrefix("@") == true ? 1 : 5
        let skip = scheduleCount + (hasUser ? 1 : 0)
        guard fields.count > skip else { return nil }
        return (fields[0..<scheduleCount].joined(separator: " "), fields[skip...].joined(separator: " "))
    }
}

private extension BackupCommandParser {
    static func basename(_ word: String) -> String {
        word.split(separator: "/").last.map(String.init) ?? word
    }

    /// Words split on whitespace and shell punctuation, quotes removed.
    static func tokens(_ command: String) -> [String] {
        let separators: Set<Character> = [" ", "\t", ";", "|", "&", "(", ")", "`", "\"", "'", "<", ">"]
        return command.split(whereSeparator: { separators.contains($0) }).map(String.init)
    }

    static func target(words: [String], tool: String) -> String? {
        let schemes = ["sftp:", "s3:", "b2:", "rest:", "azure:", "gs:", "swift:", "rclone:", "ssh://", "scp://"]
        for word in words {
            let value =
                word.hasPrefix("-") ? (word.split(separator: "=", maxSplits: 1).last.map(String.init) ?? "") : word
            if value.isEmpty || value.hasPrefix("-") { continue }
            if schemes.contains(where: { value.hasPrefix($0) }) { return value }
            if let at = value.firstIndex(of: "@"), let colon = value[at...].firstIndex(of: ":"),
                colon > value.index(after: at), !value.contains("://")
            {
                return value
            }
            if tool == "rclone", let colon = value.firstIndex(of: ":"), colon != value.startIndex,
                !value.contains("://"),
                value[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
            {
                return value
            }
        }
        return nil
    }
}
