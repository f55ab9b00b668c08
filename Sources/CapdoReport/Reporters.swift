/// The one list of report formats, in the order the CLI writes them.
public enum Reporters {
    public static let all: [any Reporter] = [
        HTMLReporter(), MarkdownReporter(), JSONReporter(), SARIFReporter(), JUnitReporter(), CSVReporter(),
        FixListHTMLReporter(), FixListMarkdownReporter(), FixListCSVReporter(), PoliceHTMLReporter(),
        PoliceMarkdownReporter(),
    ]

    /// The formats written when neither `--format` nor `capdo.yaml` chooses: the inspection report, the fix list
    /// and (for a scan with LAN facts) the Police LAN report.
    public static let defaultFormats = ["html", "md", "json", "fixes-html", "fixes-csv", "police-html"]

    /// The reporter for a `--format` id (`md`, `html`, `json`), or nil when there is none.
    public static func reporter(for format: String) -> (any Reporter)? {
        let wanted = format.lowercased()
        return all.first { $0.format == wanted || (wanted == "markdown" && $0.format == "md") }
    }

    /// Every known format id, for help text and error messages.
    public static var formats: [String] { all.map(\.format) }
}
