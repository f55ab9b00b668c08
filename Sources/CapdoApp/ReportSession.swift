import CapdoCore
import CapdoReport
import CapdoRules
import CapdoTLS
import Foundation

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

    /// The organisation the reports are headed with; `--authorisation` wins over capdo.yaml's.
    var organisation: Organisation {
        var organisation = config.organisation ?? .unspecified
        if let authorisation = choice.authorisation {
            var particulars = organisation.particulars ?? ReportParticulars()
            particulars.lanAuthorisation = authorisation
            organisation.particulars = particulars
        }
        return organisation
    }

    /// `--sign-key`/`--sign-cert`, else capdo.yaml `signing:`; nil when reports are not signed.
    public var signing: ReportSigning? { choice.signing ?? config.signing }

    /// Writes `<stem>.<ext>` for every format (for a fleet, `json` is the compact fleet JSON unless `json-hosts` was
    /// asked for, and HTML and Markdown get a detail report per host: `ReportWriter`), then, when signing is set, `<stem>.sha256` (the reports' SHA-256)
    /// and its detached CMS signature `<stem>.sha256.p7s`; returns the paths written.
    public func write(_ result: ScanResult, stem: String) throws(CapdoError) -> [String] {
        let chosen = Reporters.forResult(reporters, result, perHost: choice.wantsPerHostJSON)
        let reports = try ReportWriter(directory: outputDirectory, reporters: chosen, language: language).write(
            result, stem: stem)
        guard let signing else { return reports }
        let key = try Self.read(signing.key, what: "signing key")
        let certificate = try Self.read(signing.certificate, what: "signing certificate")
        let signed = try SignedManifest.make(
            files: reports.map { String($0.dropFirst(outputDirectory.count + 1)) }, directory: outputDirectory,
            keyPEM: key,
            certificatePEM: certificate)
        let manifest = outputDirectory + "/" + stem + SignedManifest.manifestExtension
        let signature = outputDirectory + "/" + stem + SignedManifest.signatureExtension
        try ReportWriter.atomicWrite(signed.manifest, to: manifest)
        try ReportWriter.atomicWrite(signed.signature, to: signature)
        return reports + [manifest, signature]
    }

    static func read(_ path: String, what: String) throws(CapdoError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CapdoError(.config, "cannot read the \(what) '\(path)'")
        }
        return Array(data)
    }
}
