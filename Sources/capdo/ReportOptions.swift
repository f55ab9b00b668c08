import ArgumentParser
import CapdoApp
import CapdoCore

/// Options that choose the report formats, folder and language.
struct ReportOptions: ParsableArguments {
    @Option(
        name: .long,
        help: """
            Report formats, comma-separated: html, md, json, sarif, junit, csv, fixes-html, fixes-md, fixes-csv, \
            police-html, police-md (default: html,md,json,fixes-html,fixes-csv,police-html).
            """)
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

    @Option(name: .long, help: "Sign the reports: PEM private key (default: capdo.yaml signing.key).")
    var signKey: String?

    @Option(name: .long, help: "Certificate of --sign-key, PEM (default: capdo.yaml signing.certificate).")
    var signCert: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Reference of the written authorisation for LAN observation, cited in the Police report (default: "
                + "capdo.yaml report.lan_authorisation)."))
    var authorisation: String?

    func validate() throws {
        guard (signKey == nil) == (signCert == nil) else {
            throw ValidationError("--sign-key and --sign-cert go together")
        }
    }

    var choice: ReportChoice {
        ReportChoice(
            format: format, output: output, lang: lang, now: now, quiet: quiet, color: color,
            signing: signKey.flatMap { key in signCert.map { ReportSigning(key: key, certificate: $0) } },
            authorisation: authorisation)
    }

    /// The session of a report-writing command: capdo.yaml (`--config`), language, formats, clock.
    func session(config: String?, asOf: String? = nil) throws -> ReportSession {
        try ReportSession(config: config, report: choice, asOf: asOf)
    }
}
