import Logging

/// The pipeline's logger: swift-log to standard error (scheduled runs end up in the journal or cron mail).
public enum CapdoLog {
    public static func logger(quiet: Bool) -> Logger {
        var logger = Logger(label: "capdo") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = quiet ? .warning : .info
        return logger
    }
}
