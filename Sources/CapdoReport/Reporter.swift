import CapdoCore

/// A report format: a pure function from a scan result to the text of one file.
///
/// Implementations never read the clock or the environment, so the same input always gives the same bytes.
public protocol Reporter: Sendable {
    /// The id used on the command line (`--format md,html,json`).
    var format: String { get }
    /// File extension without the dot.
    var fileExtension: String { get }
    /// Whether this result calls for the report at all (a Police LAN report needs LAN or TLS facts).
    func writes(_ result: ScanResult) -> Bool
    /// The whole report.
    func render(_ result: ScanResult, language: Language) -> String
    /// The whole report, written piece by piece (a fleet report need not be held in memory at once); the same
    /// text as `render`.
    func render<Output: ReportOutputStream>(_ result: ScanResult, language: Language, to output: inout Output)
}

extension Reporter {
    public func writes(_ result: ScanResult) -> Bool { true }

    public func render<Output: ReportOutputStream>(_ result: ScanResult, language: Language, to output: inout Output) {
        output.write(render(result, language: language))
    }
}
