/// A scheduled job that runs a known backup tool.
public struct BackupJob: Codable, Sendable, Equatable {
    /// `restic`, `borg`, `rsnapshot`, `pg_dump`, `mysqldump`, `duplicity`, `rsync`, `tar`, …
    public var tool: String
    /// `cron` or `systemd`.
    public var scheduler: String
    /// The cron schedule or timer `OnCalendar=`.
    public var schedule: String?
    /// Remote target seen in the command (`sftp:…`, `user@host:`), when any.
    public var target: String?
    /// The tool's subcommand when it names one (`backup`, `check`, `create`, `prune`, …): a `check` job verifies the
    /// repository rather than adding to it.
    public var operation: String?
    public var file: String?
    public var line: Int?

    public init(
        tool: String, scheduler: String, schedule: String? = nil, target: String? = nil, file: String? = nil,
        line: Int? = nil, operation: String? = nil
    ) {
        self.tool = tool
        self.scheduler = scheduler
        self.schedule = schedule
        self.target = target
        self.file = file
        self.line = line
        self.operation = operation
    }
}
