import CapdoCore
import Foundation

/// Builds the `tls` facts section: probes endpoints, reads certificate files, gathers every certificate.
public struct TLSInventory: Sendable {
    public var prober: TLSProber
    public var now: Date

    public init(prober: TLSProber, now: Date) {
        self.prober = prober
        self.now = now
    }

    /// Probes `targets` and reads `files` (paths relative to `root`, or absolute when `root` is nil).
    ///
    /// A file that is not a certificate, or a file given by the user (`--file`) that cannot be read, is an
    /// `unreadable` issue: the certificate rules then say `error`, never pass on the certificates that were read.
    /// A file a configuration names but the scanned root lacks stays a warning.
    public func collect(targets: [TLSTarget], files: [CertificateReference], root: String?) async -> (
        TLSFacts, [CollectionIssue]
    ) {
        let endpoints = await prober.probe(targets, now: now)
        var certificates: [CertificateFact] = []
        var issues: [CollectionIssue] = []
        for reference in files {
            let location =
                root.map { $0.hasSuffix("/") ? $0 + reference.path : $0 + "/" + reference.path } ?? reference.path
            guard let data = FileManager.default.contents(atPath: location) else {
                issues.append(
                    CollectionIssue(
                        collector: "tls", level: reference.referencedBy.isEmpty ? .unreadable : .warning,
                        file: reference.path,
                        message:
                            "cannot read certificate file\(reference.referencedBy.isEmpty ? "" : " named at \(reference.referencedBy)")"
                    ))
                continue
            }
            do {
                certificates += try CertificateFileParser.parse(
                    Array(data), path: reference.path,
                    referencedBy: reference.referencedBy.isEmpty ? nil : reference.referencedBy,
                    now: now)
            } catch {
                issues.append(
                    CollectionIssue(
                        collector: "tls", level: .unreadable, file: reference.path, message: error.description)
                )
            }
        }
        for endpoint in endpoints {
            certificates += endpoint.chain
            if let error = endpoint.error {
                issues.append(CollectionIssue(collector: "tls", level: .warning, message: "\(endpoint.name): \(error)"))
            }
        }
        let facts = TLSFacts(
            endpoints: endpoints, certificates: certificates, limitations: prober.limitations,
            library: TLSProber.libraryVersion)
        return (facts, issues)
    }
}
