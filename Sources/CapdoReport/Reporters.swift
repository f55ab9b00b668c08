import CapdoCore

/// The one list of report formats, in the order the CLI writes them.
public enum Reporters {
    public static let all: [any Reporter] = [
        HTMLReporter(), MarkdownReporter(), JSONReporter(), SARIFReporter(), JUnitReporter(), CSVReporter(),
        FixListHTMLReporter(), FixListMarkdownReporter(), FixListCSVReporter(), PoliceHTMLReporter(),
        PoliceMarkdownReporter(), FleetJSONReporter(),
    ]

    /// The `--format` id that keeps the per-host JSON report (`JSONReporter`) for a fleet, where `json` writes the
    /// compact fleet JSON (`FleetJSONReporter`).
    public static let perHostJSON = "json-hosts"

    /// The formats written when neither `--format` nor `capdo.yaml` chooses: the inspection report, the fix list
    /// and (for a scan with LAN facts) the Police LAN report.
    public static let defaultFormats = ["html", "md", "json", "fixes-html", "fixes-csv", "police-html"]

    /// The reporter for a `--format` id (`md`, `html`, `json`), or nil when there is none.
    public static func reporter(for format: String) -> (any Reporter)? {
        let wanted = format.lowercased()
        if wanted == perHostJSON { return JSONReporter() }
        return all.first { $0.format == wanted || (wanted == "markdown" && $0.format == "md") }
    }

    /// Every known format id, for help text and error messages.
    public static var formats: [String] { all.map(\.format) + [perHostJSON] }

    /// The reporters that write `result`: for more than one host, `json` is the compact fleet JSON in the same file
    /// (`<stem>.json`) unless `perHost` (`--format json-hosts`) asked for the per-host one.
    public static func forResult(_ reporters: [any Reporter], _ result: ScanResult, perHost: Bool) -> [any Reporter] {
        guard !perHost, result.hosts.count(where: { !$0.isSystem }) > 1 else { return reporters }
        return reporters.map { $0.format == "json" ? FleetJSONReporter(fileExtension: "json") : $0 }
    }
}
