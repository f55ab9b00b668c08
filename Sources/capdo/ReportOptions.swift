import ArgumentParser
import CapdoCore
import CapdoReport

/// Options that choose the report formats, folder and language.
struct ReportOptions: ParsableArguments {
    @Option(
        name: .long, help: "Report formats, comma-separated: html, md, json, sarif, junit, csv (default: html,md,json)."
    )
    var format: String?

    @Option(name: .long, help: "Folder for the reports (default: Reports).")
    var output: String?

    @Option(name: .long, help: "Report language: vi (default) or en.")
    var lang: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Evaluate as of this time (ISO 8601) for reproducible reports.", visibility: .hidden))
    var now: String?

    @Flag(name: .long, help: "Print nothing on success (for cron); errors still go to stderr.")
    var quiet = false

    @Flag(name: .long, help: "Colour the terminal summary.")
    var color = false

    /// The reporters to run, validated.
    func reporters(config: CapdoCore.Language? = nil, configured: [String]?) throws -> [any Reporter] {
        let ids =
            format.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
            ?? configured ?? Reporters.defaultFormats
        var result: [any Reporter] = []
        for id in ids where !id.isEmpty {
            guard let reporter = Reporters.reporter(for: id) else {
                throw CLIError.usage("unknown format '\(id)'; known: \(Reporters.formats.joined(separator: ", "))")
            }
            result.append(reporter)
        }
        return result
    }

    func language(configured: Language?) throws -> Language {
        guard let lang else { return configured ?? .vi }
        guard let language = Language(rawValue: lang) else { throw CLIError.usage("--lang must be vi or en") }
        return language
    }
}
