import CapdoCore
import CapdoReport

/// Which reports a command writes, where, in which language, how it speaks and signs them (`--format`, `--output`,
/// `--lang`, `--now`, `--quiet`, `--color`, `--sign-key`, `--sign-cert`).
public struct ReportChoice: Sendable {
    public var format: String?
    public var output: String?
    public var lang: String?
    public var now: String?
    public var quiet: Bool
    public var color: Bool
    /// `--sign-key` and `--sign-cert` (both or neither).
    public var signing: ReportSigning?
    /// `--authorisation`: the written authorisation for LAN observation, cited in the Police report.
    public var authorisation: String?

    public init(
        format: String? = nil, output: String? = nil, lang: String? = nil, now: String? = nil, quiet: Bool = false,
        color: Bool = false, signing: ReportSigning? = nil, authorisation: String? = nil
    ) {
        self.format = format
        self.output = output
        self.lang = lang
        self.now = now
        self.quiet = quiet
        self.color = color
        self.signing = signing
        self.authorisation = authorisation
    }

    /// The reporters to run, validated.
    public func reporters(configured: [String]?) throws(CapdoError) -> [any Reporter] {
        let ids =
            format.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
            ?? configured ?? Reporters.defaultFormats
        var result: [any Reporter] = []
        for id in ids where !id.isEmpty {
            guard let reporter = Reporters.reporter(for: id) else {
                throw CapdoError(.usage, "unknown format '\(id)'; known: \(Reporters.formats.joined(separator: ", "))")
            }
            result.append(reporter)
        }
        return result
    }

    /// Whether `--format` asked for the per-host JSON report by name (`json-hosts`), also for a fleet.
    var wantsPerHostJSON: Bool {
        format?.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == Reporters.perHostJSON }
            ?? false
    }

    public func language(configured: Language?) throws(CapdoError) -> Language {
        guard let lang else { return configured ?? .vi }
        guard let language = Language(rawValue: lang) else { throw CapdoError(.usage, "--lang must be vi or en") }
        return language
    }
}
