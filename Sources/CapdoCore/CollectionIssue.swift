/// Something a collector could not read or understand; becomes `error` evidence for the rules that need it.
public struct CollectionIssue: Codable, Sendable, Equatable, Hashable {
    public enum Level: String, Codable, Sendable {
        case error, warning
        /// An input the command was given (a snapshot, a capture, a certificate file) could not be read, in whole
        /// or past some point: no rule judging it may pass, and the run exits 1 (`ScanResult.exitCode`).
        case unreadable
    }

    /// Collector id (`packages`, `config.sshd`).
    public var collector: String
    public var level: Level
    public var file: String?
    public var line: Int?
    public var message: String

    public init(collector: String, level: Level = .error, file: String? = nil, line: Int? = nil, message: String) {
        self.collector = collector
        self.level = level
        self.file = file
        self.line = line
        self.message = message
    }

    /// `etc/ssh/sshd_config:12: unknown keyword 'PermitRootLogn'`
    public var description: String {
        var prefix = ""
        if let file {
            prefix = file
            if let line { prefix += ":\(line)" }
            prefix += ": "
        }
        return prefix + message
    }
}
