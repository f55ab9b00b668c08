import ArgumentParser
import CapdoApp
import CapdoCore
import CapdoReport
import Foundation

/// Terminal output: warnings to stderr, TTY detection, the end of a report-writing command.
enum Console {
    @Sendable static func warn(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Writes the reports, prints `lead` and the summary (unless `--quiet` on a compliant result), and throws the
    /// result's exit code when it is not 0 (1: an input could not be read; 2: a failure).
    static func finish(_ result: ScanResult, session: ReportSession, stem: String, lead: String? = nil) throws {
        let paths = try session.write(result, stem: stem)
        if !session.choice.quiet || result.exitCode != 0 {
            if let lead { print(lead) }
            let summary = TerminalSummary(language: session.language, colour: session.choice.color && isTerminal)
            print(summary.render(result, reportPaths: paths), terminator: "")
        }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}
