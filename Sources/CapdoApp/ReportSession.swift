import ArgumentParser
import CapdoCore
import CapdoReport
import CapdoRules

/// What every report-writing command (`scan`, `evaluate`, `lan`, `tls`) sets up the same way — capdo.yaml,
/// language, formats, clock — and how each ends: reports written, the terminal summary, the exit code.
struct ReportSession {
    let config: CapdoConfig
    let language: Language
    let reporters: [any Reporter]
    let clock: CommandClock
    let options: ReportOptions

    init(ruleSet: RuleSetOptions, report: ReportOptions, asOf: String? = nil) throws {
        config = try ruleSet.loadConfig()
        language = try report.language(configured: config.language)
        reporters = try report.reporters(configured: config.formats)
        clock = try CommandClock(report.now, asOf: asOf)
        options = report
    }

    /// `--output`, else capdo.yaml `output`, else `Reports`.
    var outputDirectory: String { options.output ?? config.output ?? "Reports" }

    /// Writes `<stem>.<ext>` for every format, prints `lead` and the summary (unless `--quiet` on a compliant
    /// result), and throws the result's exit code when it is not 0 (1: an input could not be read; 2: a failure).
    func finish(_ result: ScanResult, stem: String, lead: String? = nil) throws {
        let writer = ReportWriter(directory: outputDirectory, reporters: reporters, language: language)
        let paths = try writer.write(result, stem: stem)
        if !options.quiet || result.exitCode != 0 {
            if let lead { print(lead) }
            let summary = TerminalSummary(language: language, colour: options.color && Console.isTerminal)
            print(summary.render(result, reportPaths: paths), terminator: "")
        }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}
