import CapdoTestSupport
import Foundation
import Testing

/// Signed reports end to end: `capdo scan --sign-key --sign-cert` writes a manifest and a detached CMS signature
/// that `openssl cms -verify` accepts; `capdo verify` passes them and names any report changed by one byte.
@Suite("Signed reports (capdo scan --sign-key, capdo verify, openssl cms -verify)")
struct SignedReportsTests {
    static let openssl = "/usr/bin/openssl"

    /// A test CA and a signer it issued, made with the openssl CLI in `directory`.
    static func makePKI(in directory: String) throws {
        try Shell.run(
            openssl,
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key",
                "-out", "ca.pem", "-days", "30", "-subj", "/O=Capdo Test/CN=Capdo Test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign",
            ], in: directory)
        try Shell.run(
            openssl,
            [
                "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                "signer.key", "-out", "signer.csr", "-subj", "/O=UBND phuong Le Chan/CN=Can bo ATTT",
            ], in: directory)
        try "keyUsage=critical,digitalSignature\n".write(
            toFile: directory + "/signer.ext", atomically: true, encoding: .utf8)
        try Shell.run(
            openssl,
            [
                "x509", "-req", "-in", "signer.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days",
                "30", "-extfile", "signer.ext", "-out", "signer.pem",
            ], in: directory)
    }

    /// A folder with the test PKI and a prepared sample host; nil (recorded) when openssl is missing.
    static func prepared() throws -> (TemporaryDirectory, SampleRoot)? {
        guard Shell.exists(openssl) else {
            Issue.record("openssl not installed (scripts/install-deps --test)")
            return nil
        }
        let work = try TemporaryDirectory()
        try makePKI(in: work.path)
        return (work, try SampleRoot("srv-hardened"))
    }

    @Test("scan signs its reports; openssl and capdo verify accept them; one changed byte is named; no key leaks")
    func signedScanVerifiesAndDetectsChange() throws {
        guard let (work, root) = try Self.prepared() else { return }
        let reports = work.path + "/reports"
        let scan = CapdoProcess.run([
            "scan", "--root", root.path, "--as-of", "2026-11-28T09:00:00Z", "--output", reports,
            "--sign-key", work.path + "/signer.key", "--sign-cert", work.path + "/signer.pem", "--quiet",
        ])
        #expect(scan.status == 0 || scan.status == 2, "scan: \(scan.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: reports).sorted()
        let manifest = try #require(names.first { $0.hasSuffix(".sha256") })
        #expect(names.contains(manifest + ".p7s"))
        let listed = try String(contentsOfFile: reports + "/" + manifest, encoding: .utf8)
        for report in names where [".html", ".md", ".json"].contains(where: report.hasSuffix) {
            #expect(listed.contains("  " + report + "\n"), "\(report) not in the manifest")
        }

        // The independent verifier: OpenSSL's CMS with the test CA.
        try Shell.run(
            Self.openssl,
            [
                "cms", "-verify", "-binary", "-content", manifest, "-in", manifest + ".p7s", "-inform", "PEM",
                "-CAfile", work.path + "/ca.pem", "-out", "/dev/null",
            ], in: reports)
        // sha256sum reads the same manifest.
        try Shell.run("/usr/bin/sha256sum", ["--check", "--quiet", manifest], in: reports)

        let intact = CapdoProcess.run(["verify", reports, "--ca-file", work.path + "/ca.pem"])
        #expect(intact.status == 0, "verify: \(intact.stdout) \(intact.stderr)")
        #expect(intact.stdout.contains("unchanged") && intact.stdout.contains("certificate chain verified"))

        // No private key in any output file or in what the commands printed.
        let key = try String(contentsOfFile: work.path + "/signer.key", encoding: .utf8)
        let keyBody = key.split(separator: "\n").dropFirst().first.map(String.init) ?? key
        for name in names {
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: reports + "/" + name)), as: UTF8.self)
            #expect(!text.contains("PRIVATE KEY") && !text.contains(keyBody), "\(name) holds the key")
        }
        #expect(!(scan.stdout + scan.stderr + intact.stdout).contains(keyBody))

        // One byte of the HTML report changed: verify fails and names the file.
        let html = try #require(names.first { $0.hasSuffix(".html") })
        var bytes = try Data(contentsOf: URL(fileURLWithPath: reports + "/" + html))
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: reports + "/" + html))
        let changed = CapdoProcess.run(["verify", reports, "--ca-file", work.path + "/ca.pem"])
        #expect(changed.status == 2)
        #expect(changed.stdout.contains("changed: \(html)"))

        // A signature from another CA's point of view does not hold.
        try Shell.run(
            Self.openssl,
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                "other.key", "-out", "other.pem", "-days", "30", "-subj", "/CN=Other CA",
            ], in: work.path)
        let untrusted = CapdoProcess.run(["verify", reports + "/" + manifest, "--ca-file", work.path + "/other.pem"])
        #expect(untrusted.status == 2 && untrusted.stdout.contains("signature:"))
    }

    @Test("a fleet's manifest covers its host index and every detail report; a changed detail report is named")
    func signedFleetCoversDetailReports() throws {
        guard let (work, _) = try Self.prepared() else { return }
        let reports = work.path + "/reports"
        let samples = CapdoProcess.repository.path + "/Samples/snapshots/"
        let run = CapdoProcess.run([
            "evaluate", samples + "pc-protected.json", samples + "pc-neglected.json", "--format", "html,md,json",
            "--as-of", "2026-11-28T09:00:00Z", "--output", reports, "--sign-key", work.path + "/signer.key",
            "--sign-cert", work.path + "/signer.pem", "--quiet",
        ])
        #expect(run.status == 0 || run.status == 2, "evaluate: \(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: reports)
        let manifest = try #require(names.first { $0.hasSuffix(".sha256") })
        let folder = try #require(names.first { $0.hasSuffix("-hosts") && !$0.contains(".") })
        let listed = try String(contentsOfFile: reports + "/" + manifest, encoding: .utf8)
        #expect(listed.contains("  " + folder + ".html\n") && listed.contains("  " + folder + ".md\n"))
        let details = try FileManager.default.contentsOfDirectory(atPath: reports + "/" + folder)
        #expect(details.count == 4)
        for detail in details { #expect(listed.contains("  \(folder)/\(detail)\n"), "\(detail) not in the manifest") }
        try Shell.run("/usr/bin/sha256sum", ["--check", "--quiet", manifest], in: reports)

        let detail = try #require(details.first { $0.hasSuffix(".html") })
        let path = reports + "/" + folder + "/" + detail
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: path))
        let changed = CapdoProcess.run(["verify", reports, "--ca-file", work.path + "/ca.pem"])
        #expect(changed.status == 2)
        #expect(changed.stdout.contains("changed: \(folder)/\(detail)"), "\(changed.stdout)")
    }

    @Test("--sign-key without --sign-cert is a usage error; an unreadable key is a configuration error")
    func signingOptionsAreChecked() throws {
        let work = try TemporaryDirectory()
        let root = try SampleRoot("srv-hardened")
        let half = CapdoProcess.run(["scan", "--root", root.path, "--output", work.path, "--sign-key", "k.pem"])
        #expect(half.status == 64 && half.stderr.contains("--sign-key and --sign-cert go together"))
        let missing = CapdoProcess.run([
            "scan", "--root", root.path, "--output", work.path + "/r", "--sign-key", work.path + "/none.key",
            "--sign-cert", work.path + "/none.pem", "--quiet",
        ])
        #expect(missing.status == 64 && missing.stderr.contains("cannot read the signing key"))
        let nothing = CapdoProcess.run(["verify", work.path])
        #expect(nothing.status == 1 && nothing.stderr.contains("no signed manifest"))
    }

    @Test("capdo.yaml signing: signs like the flags (paths relative to the file); a half-filled signing: is refused")
    func configuredSigning() throws {
        guard let (work, root) = try Self.prepared() else { return }
        try "signing:\n  key: signer.key\n  certificate: signer.pem\noutput: reports\n".write(
            toFile: work.path + "/capdo.yaml", atomically: true, encoding: .utf8)
        let scan = CapdoProcess.run(["scan", "--root", root.path, "--config", work.path + "/capdo.yaml", "--quiet"])
        #expect(scan.status == 0 || scan.status == 2, "scan: \(scan.stderr)")
        let verified = CapdoProcess.run(["verify", work.path + "/reports", "--ca-file", work.path + "/ca.pem"])
        #expect(verified.status == 0, "verify: \(verified.stdout) \(verified.stderr)")

        try "signing:\n  key: signer.key\n".write(
            toFile: work.path + "/half.yaml", atomically: true, encoding: .utf8)
        let half = CapdoProcess.run(["scan", "--root", root.path, "--config", work.path + "/half.yaml"])
        #expect(half.status == 64 && half.stderr.contains("half.yaml:2: signing is missing 'certificate'"))
    }
}
