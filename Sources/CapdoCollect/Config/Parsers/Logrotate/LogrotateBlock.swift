/// One `path … { … }` block of a logrotate configuration with its effective settings.
public struct LogrotateBlock: Sendable, Equatable {
    /// Path patterns as written (`/var/log/nginx/*.log`).
    public var patterns: [String]
    public var file: String
    public var line: Int
    /// The global settings at the block's start (relocated to the block) overridden by its own directives.
    public var settings: LogrotateSettings

    public init(patterns: [String], file: String, line: Int, settings: LogrotateSettings) {
        self.patterns = patterns
        self.file = file
        self.line = line
        self.settings = settings
    }

    /// True when one of the patterns covers the absolute path `log`.
    public func covers(_ log: String) -> Bool {
        patterns.contains { ConfigWords.pathMatches($0, log) }
    }
}
