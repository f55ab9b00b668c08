import CapdoCore
import Foundation
import Testing

@testable import CapdoTLS

/// Garbage PEM, empty files and DER cut at every byte end with a clear error, never a crash.
@Suite("Certificate files: bad input")
struct CertificateBadInputTests {
    @Test func derTruncatedAtEveryByte() throws {
        let pki = try TestPKI.get()
        let der = pki.path("truncate.der")
        try OpenSSLCLI.run(["x509", "-in", pki.cert("valid"), "-outform", "DER", "-out", der], in: pki.directory)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: der)))
        for length in 0..<bytes.count {
            do {
                _ = try CertificateFileParser.parse(Array(bytes.prefix(length)), path: "cut.der", now: Date())
                Issue.record("a DER certificate cut to \(length) of \(bytes.count) bytes was accepted")
            } catch {
                #expect(error.code == .notACertificate)
                #expect(error.description.hasPrefix("cut.der"))
            }
        }
        #expect(try CertificateFileParser.parse(bytes, path: "whole.der", now: Date()).count == 1)
    }

    @Test(arguments: [
        "-----BEGIN CERTIFICATE-----\nnot base64 at all!!\n-----END CERTIFICATE-----\n",
        "-----BEGIN CERTIFICATE-----\nMIIBkTCB+wIJAKHHIG\n-----END CERTIFICATE-----\n",
        "-----BEGIN CERTIFICATE-----\nMIIB\n",
        "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n",
        "hello, world\n",
    ])
    func garbagePEM(_ text: String) {
        #expect(throws: CapdoError.self) {
            try CertificateFileParser.parse(Array(text.utf8), path: "bad.pem", now: Date())
        }
    }

    @Test func emptyFile() {
        #expect(throws: CapdoError(.notACertificate, "empty.pem: empty file")) {
            try CertificateFileParser.parse([], path: "empty.pem", now: Date())
        }
    }

    @Test func garbageInTheSecondBlockNamesItsLine() throws {
        let pki = try TestPKI.get()
        let good = try String(contentsOfFile: pki.cert("valid"), encoding: .utf8)
        let text = good + "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
        let lines = good.split(separator: "\n").count
        do {
            _ = try CertificateFileParser.parse(Array(text.utf8), path: "mixed.pem", now: Date())
            Issue.record("accepted")
        } catch {
            #expect(error.message.hasPrefix("mixed.pem:\(lines + 1):"))
        }
    }
}
