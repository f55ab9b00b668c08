import CapdoCore
import Foundation

/// A manifest of report files with their SHA-256 (the `sha256sum` format, so `sha256sum -c` reads it too) and a
/// detached CMS signature over it: `<stem>.sha256` and `<stem>.sha256.p7s` beside the reports.
public enum SignedManifest {
    public static let manifestExtension = ".sha256"
    public static let signatureExtension = ".sha256.p7s"

    /// The manifest of `files` (names inside `directory`, read back as written) and its detached signature, as the
    /// texts of `<stem>.sha256` and `<stem>.sha256.p7s`; the caller writes them beside the reports.
    public static func make(
        files: [String], directory: String, keyPEM: [UInt8], certificatePEM: [UInt8]
    ) throws(CapdoError) -> (manifest: String, signature: String) {
        var text = ""
        for name in files.sorted() {
            guard isListable(name) else {
                throw CapdoError(
                    .output, "cannot list '\(name)' in a manifest (not a plain path inside the report folder)")
            }
            let path = directory + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CapdoError(.output, "\(path): cannot read the report to sign it")
            }
            text += "\(SHA256.hex(of: data))  \(name)\n"
        }
        let signature = try DetachedSignature.sign(Array(text.utf8), keyPEM: keyPEM, certificatePEM: certificatePEM)
        return (text, String(decoding: signature, as: UTF8.self))
    }

    /// Whether `name` may stand in a manifest: a path inside the report folder (a fleet's detail reports sit one
    /// folder down), made of plain parts — not absolute, no `.` or `..`, no empty part, no backslash or line break —
    /// so a manifest can never make `capdo verify` read a file outside the folder it checks.
    static func isListable(_ name: String) -> Bool {
        guard !name.isEmpty, !name.contains("\n"), !name.contains("\r"), !name.contains("\\") else { return false }
        return name.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part != "." && part != ".."
        }
    }

    /// The manifests in `path`: the file itself when it is one, else every `*.sha256` in the folder.
    public static func manifests(at path: String) throws(CapdoError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CapdoError(.io, "\(path): no such file or folder")
        }
        guard isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(manifestExtension) }.sorted().map { path + "/" + $0 }
    }

    /// Checks one manifest: its signature (`<manifest>.p7s`) and every file it lists, against `trustedPEM` CAs.
    public static func verify(manifest: String, trustedPEM: [UInt8]?) -> ManifestCheck {
        let directory = (manifest as NSString).deletingLastPathComponent
        guard let content = FileManager.default.contents(atPath: manifest) else {
            return ManifestCheck(
                manifest: manifest,
                signature: SignatureCheck(matches: false, signerTrusted: false, signer: nil, reason: "unreadable"),
                files: 0, changed: [], missing: [manifest], malformed: [])
        }
        let signaturePath = manifest + ".p7s"
        let signature: SignatureCheck
        if let signatureBytes = FileManager.default.contents(atPath: signaturePath) {
            signature = DetachedSignature.verify(
                Array(content), signature: Array(signatureBytes), trustedPEM: trustedPEM)
        } else {
            signature = SignatureCheck(
                matches: false, signerTrusted: false, signer: nil, reason: "\(signaturePath): no signature file")
        }
        var changed: [String] = []
        var missing: [String] = []
        var malformed: [Int] = []
        var files = 0
        let lines = String(decoding: content, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.isEmpty {
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 64, parts[1].isEmpty, isListable(String(parts[2])) else {
                malformed.append(index + 1)
                continue
            }
            let name = String(parts[2])
            files += 1
            guard let data = FileManager.default.contents(atPath: directory + "/" + name) else {
                missing.append(name)
                continue
            }
            if SHA256.hex(of: data) != String(parts[0]) { changed.append(name) }
        }
        return ManifestCheck(
            manifest: manifest, signature: signature, files: files, changed: changed, missing: missing,
            malformed: malformed)
    }
}
