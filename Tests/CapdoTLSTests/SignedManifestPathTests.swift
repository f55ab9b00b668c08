import Foundation
import Testing

@testable import CapdoTLS

/// Manifest names: a fleet's detail reports one folder down are listed; nothing a manifest says can make
/// `capdo verify` read outside the folder it checks.
@Suite struct SignedManifestPathTests {
    @Test(
        arguments: [
            ("fleet.html", true), ("fleet-hosts/pc-01.html", true), ("a/b/c.md", true), ("../outside", false),
            ("/etc/passwd", false), ("a//b", false), ("./x", false), ("a/../../x", false), ("a\\b", false),
            ("x\ny", false), ("", false), ("dir/", false),
        ])
    func namesInsideTheFolderOnly(_ name: String, _ listable: Bool) {
        #expect(SignedManifest.isListable(name) == listable)
    }

    /// A manifest line naming `../secret` is malformed: the file beside the folder is never read or reported.
    @Test func verifyNeverLeavesTheFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("capdo-manifest-\(UUID().uuidString)")
        let reports = root.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("secret".utf8).write(to: root.appendingPathComponent("secret"))
        let hash = String(repeating: "0", count: 64)
        let manifest = reports.appendingPathComponent("r.sha256")
        try Data("\(hash)  ../secret\n\(hash)  /etc/hostname\n\(hash)  sub/missing.html\n".utf8).write(to: manifest)
        let check = SignedManifest.verify(manifest: manifest.path, trustedPEM: nil)
        #expect(check.malformed == [1, 2])
        #expect(check.missing == ["sub/missing.html"])
        #expect(check.changed.isEmpty)
    }
}
