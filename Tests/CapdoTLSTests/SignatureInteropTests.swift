import CapdoCore
import Foundation
import Testing

@testable import CapdoTLS

/// Detached CMS signatures against the openssl CLI both ways: what capdo signs `openssl cms -verify` accepts,
/// and what `openssl cms -sign` makes capdo accepts; with a test CA made by openssl for each run.
@Suite("Detached CMS signatures (openssl cms as the oracle)")
struct SignatureInteropTests {
    /// A CA, a signer it issued, a second unrelated CA, an encrypted key, and the content to sign.
    struct Fixture {
        let directory: String
        func path(_ name: String) -> String { directory + "/" + name }
        func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path(name)))) }
        func write(_ name: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: URL(fileURLWithPath: path(name)))
        }
        func openssl(_ arguments: [String]) throws { try OpenSSLCLI.run(arguments, in: directory) }

        static func make() throws -> Fixture {
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("capdo-sign-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let fixture = Fixture(directory: directory)
            for ca in ["ca", "other-ca"] {
                try fixture.openssl([
                    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                    "\(ca).key", "-out", "\(ca).pem", "-days", "30", "-subj", "/O=Capdo Test/CN=\(ca)",
                    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign",
                ])
            }
            try fixture.openssl([
                "req", "-new", "-newkey", "rsa:2048", "-nodes", "-utf8", "-keyout", "signer.key", "-out",
                "signer.csr", "-subj", "/O=Phòng Văn hóa – Xã hội/CN=Kiểm tra viên",
            ])
            try "keyUsage=critical,digitalSignature,nonRepudiation\n".write(
                toFile: fixture.path("signer.ext"), atomically: true, encoding: .utf8)
            try fixture.openssl([
                "x509", "-req", "-in", "signer.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "30", "-extfile", "signer.ext", "-out", "signer.pem",
            ])
            try fixture.openssl([
                "pkey", "-in", "signer.key", "-aes256", "-passout", "pass:secret", "-out", "encrypted.key",
            ])
            try fixture.write("MANIFEST", Array("3f2a…  báo cáo.html\n0000  capdo.json\n".utf8))
            return fixture
        }
    }

    @Test("capdo's signature passes openssl cms -verify with the CA, and fails it once the content changes")
    func capdoSignsOpenSSLVerifies() throws {
        let fixture = try Fixture.make()
        defer { try? FileManager.default.removeItem(atPath: fixture.directory) }
        let signature = try DetachedSignature.sign(
            try fixture.bytes("MANIFEST"), keyPEM: try fixture.bytes("signer.key"),
            certificatePEM: try fixture.bytes("signer.pem"))
        #expect(String(decoding: signature, as: UTF8.self).hasPrefix("-----BEGIN CMS-----"))
        #expect(!String(decoding: signature, as: UTF8.self).contains("PRIVATE KEY"))
        try fixture.write("MANIFEST.p7s", signature)
        let verify = [
            "cms", "-verify", "-binary", "-content", "MANIFEST", "-in", "MANIFEST.p7s", "-inform", "PEM", "-CAfile",
            "ca.pem", "-out", "/dev/null",
        ]
        try fixture.openssl(verify)
        try fixture.write("MANIFEST", Array("3f2b…  báo cáo.html\n0000  capdo.json\n".utf8))
        #expect(throws: OpenSSLCLI.Failure.self) { try fixture.openssl(verify) }
    }

    @Test("a signature made by openssl cms -sign is accepted, the signer named, and its chain checked")
    func openSSLSignsCapdoVerifies() throws {
        let fixture = try Fixture.make()
        defer { try? FileManager.default.removeItem(atPath: fixture.directory) }
        try fixture.openssl([
            "cms", "-sign", "-binary", "-in", "MANIFEST", "-signer", "signer.pem", "-inkey", "signer.key",
            "-outform", "PEM", "-out", "MANIFEST.p7s",
        ])
        let content = try fixture.bytes("MANIFEST")
        let signature = try fixture.bytes("MANIFEST.p7s")
        let trusted = DetachedSignature.verify(content, signature: signature, trustedPEM: try fixture.bytes("ca.pem"))
        #expect(trusted.matches && trusted.signerTrusted && trusted.reason == nil)
        #expect(trusted.signer?.contains("Kiểm tra viên") == true)

        let untrusted = DetachedSignature.verify(
            content, signature: signature, trustedPEM: try fixture.bytes("other-ca.pem"))
        #expect(!untrusted.matches && !untrusted.signerTrusted)
        #expect(untrusted.reason?.contains("certificate") == true)

        let noCA = DetachedSignature.verify(content, signature: signature, trustedPEM: nil)
        #expect(noCA.matches && !noCA.signerTrusted)

        var changed = content
        changed[0] ^= 1
        let tampered = DetachedSignature.verify(changed, signature: signature, trustedPEM: try fixture.bytes("ca.pem"))
        #expect(!tampered.matches && tampered.reason != nil)

        // DER output of openssl is read too.
        try fixture.openssl([
            "cms", "-sign", "-binary", "-in", "MANIFEST", "-signer", "signer.pem", "-inkey", "signer.key",
            "-outform", "DER", "-out", "MANIFEST.der",
        ])
        let der = DetachedSignature.verify(
            content, signature: try fixture.bytes("MANIFEST.der"), trustedPEM: try fixture.bytes("ca.pem"))
        #expect(der.matches && der.signerTrusted)
    }

    @Test("an encrypted key, a key of another certificate and a non-certificate fail with a message, no prompt")
    func badSigningMaterialFailsClearly() throws {
        let fixture = try Fixture.make()
        defer { try? FileManager.default.removeItem(atPath: fixture.directory) }
        let content = try fixture.bytes("MANIFEST")
        let cases: [(key: String, cert: String, says: String)] = [
            ("encrypted.key", "signer.pem", "unencrypted PEM private key"),
            ("ca.key", "signer.pem", "does not belong"),
            ("signer.key", "MANIFEST", "not a PEM certificate"),
        ]
        for (key, cert, says) in cases {
            let keyBytes = try fixture.bytes(key)
            do {
                _ = try DetachedSignature.sign(content, keyPEM: keyBytes, certificatePEM: try fixture.bytes(cert))
                Issue.record("signing with \(key) + \(cert) succeeded")
            } catch let error as CapdoError {
                #expect(error.message.contains(says), "\(key) + \(cert): \(error)")
                #expect(!error.description.contains("PRIVATE KEY"))
            }
        }
        let garbage = DetachedSignature.verify(content, signature: Array("not a signature".utf8), trustedPEM: nil)
        #expect(!garbage.matches && garbage.reason?.hasPrefix("not a CMS signature") == true)
    }
}
