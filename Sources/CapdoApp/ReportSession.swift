import CapdoCore
import CapdoReport
import CapdoRules

/// What every report-writing command (`scan`, `evaluate`, `lan`, `tls`) sets up the same way — capdo.yaml,
/// language, formats, clock — and the reports it ends with.
public struct ReportSession: Sendable {
    public let config: CapdoConfig
    public let language: Language
    public let reporters: [any Reporter]
    public let clock: CommandClock
    public let choice: ReportChoice

    public init(config path: String?, report: ReportChoice, asOf: String? = nil) throws(CapdoError) {
        config = try RuleSetChoice.loadConfig(path)
        language = try report.language(configured: config.language)
        reporters = try report.reporters(configured: config.formats)
        clock = try CommandClock(report.now, asOf: asOf)
        choice = report
    }

    /// `--output`, else capdo.yaml `output`, else `Reports`.
    public var outputDirectory: String { choice.output ?? config.output ?? "Reports" }

    /// The organisation the reports are headed with.
    var organisation: Organisation { config.organisation ?? .unspecified }

    /// Writes `<stem>.<ext>` for every format; returns the paths written.
    public func write(_ result: ScanResult, stem: String) throws(CapdoError) -> [String] {
        try ReportWriter(directory: outputDirectory, reporters: reporters, language: language).write(result, stem: stem)
    }
}
