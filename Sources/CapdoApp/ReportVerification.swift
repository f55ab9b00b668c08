import CapdoCore
import CapdoTLS
import Foundation

/// `capdo verify`: checks every signed manifest of a report folder (or one manifest) — the signature, and each
/// report against the SHA-256 the manifest records — and names what changed.
public struct ReportVerification: Sendable {
    public let checks: [ManifestCheck]
    /// Whether trusted CA certificates were given (`--ca-file`), so the signer's chain was checked.
    public let chainChecked: Bool

    public init(path: String, caFile: String?) throws(CapdoError) {
        var trusted: [UInt8]?
        if let caFile { trusted = try ReportSession.read(caFile, what: "CA certificate file") }
        let manifests = try SignedManifest.manifests(at: path)
        guard !manifests.isEmpty else {
            throw CapdoError(.io, "\(path): no signed manifest (*\(SignedManifest.manifestExtension)) to verify")
        }
        checks = manifests.map { SignedManifest.verify(manifest: $0, trustedPEM: trusted) }
        chainChecked = caFile != nil
    }

    /// Every manifest's signature holds and every report it lists is unchanged.
    public var intact: Bool { checks.allSatisfy(\.intact) }

    /// 0 when intact, 2 when a signature or a report does not hold (like a failing finding).
    public var exitCode: Int32 { intact ? 0 : 2 }

    /// One line per manifest, then one per problem.
    public var text: String {
        var lines: [String] = []
        for check in checks {
            let manifest = Self.printable(check.manifest)
            guard !check.intact else {
                let signer = check.signature.signer.map { "signed by \(Self.printable($0))" } ?? "signed"
                let chain =
                    chainChecked
                    ? "; certificate chain verified" : "; signer not checked against a CA (give --ca-file)"
                lines.append("✓ \(manifest): \(check.files) report file(s) unchanged, \(signer)\(chain)")
                continue
            }
            lines.append("✗ \(manifest): NOT INTACT")
            if !check.signature.matches {
                lines.append("  signature: \(Self.printable(check.signature.reason ?? "does not hold"))")
            }
            for name in check.changed { lines.append("  changed: \(Self.printable(name))") }
            for name in check.missing { lines.append("  missing: \(Self.printable(name))") }
            for line in check.malformed { lines.append("  line \(line): not '<sha256>  <file name>'") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Host- or file-derived text with control characters shown as `?` (no terminal escapes from a manifest).
    static func printable(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : Character($0) })
    }
}
