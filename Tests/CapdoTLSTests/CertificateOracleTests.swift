import CapdoCore
import Foundation
import Testing

@testable import CapdoTLS

/// capdo's certificate facts against `openssl x509 -noout -dates -subject -issuer -fingerprint -sha256 -serial`.
@Suite("Certificate facts vs openssl x509")
struct CertificateOracleTests {
    static let names = ["root", "intermediate"] + TestPKI.leaves.map(\.name)

    @Test(arguments: names)
    func pemMatchesOracle(_ name: String) throws {
        let pki = try TestPKI.get()
        let facts = try CertificateFileParser.parse(bytes(pki.cert(name)), path: "\(name).pem", now: Date())
        try #require(facts.count == 1)
        try expectOracle(facts[0], file: pki.cert(name), inform: "PEM", in: pki.directory)
        #expect(facts[0].line == 1)
        #expect(facts[0].source == "\(name).pem:1")
    }

    @Test(arguments: names)
    func derMatchesOracle(_ name: String) throws {
        let pki = try TestPKI.get()
        let der = pki.path("\(name).der")
        try OpenSSLCLI.run(["x509", "-in", pki.cert(name), "-outform", "DER", "-out", der], in: pki.directory)
        let facts = try CertificateFileParser.parse(bytes(der), path: "\(name).der", now: Date())
        try #require(facts.count == 1)
        try expectOracle(facts[0], file: der, inform: "DER", in: pki.directory)
        #expect(facts[0].line == nil)
    }

    @Test func keysSignaturesAndFlags() throws {
        let pki = try TestPKI.get()
        func fact(_ name: String) throws -> CertificateFact {
            try CertificateFileParser.parse(bytes(pki.cert(name)), path: name, now: Date())[0]
        }
        #expect(try fact("rsa1024").keyType == "rsa")
        #expect(try fact("rsa1024").keyBits == 1024)
        #expect(try fact("rsa2048").keyBits == 2048)
        #expect(try fact("valid").keyType == "ec")
        #expect(try fact("valid").keyBits == 256)
        #expect(try fact("valid").keyCurve == "prime256v1")
        #expect(try fact("ed448").keyType == "ed448")
        #expect(try fact("ed448").keyBits == 456)
        #expect(try fact("sha1").signatureAlgorithm == "ecdsa-with-SHA1")
        #expect(try fact("sha1").signatureHash == "sha1")
        #expect(try fact("valid").signatureHash == "sha256")
        #expect(try fact("root").signatureAlgorithm == "sha256WithRSAEncryption")
        #expect(try fact("selfsigned").selfSigned)
        #expect(try fact("root").selfSigned)
        #expect(try fact("root").isCA)
        #expect(try !fact("valid").selfSigned)
        #expect(try !fact("valid").isCA)
        #expect(try fact("valid").sans == ["DNS:localhost", "IP:127.0.0.1"])
        #expect(try fact("wronghost").sans == ["DNS:wrong.example"])
        #expect(try fact("expired").daysLeft < 0)
        let expiring = try fact("expiring").daysLeft
        #expect((9...10).contains(expiring))
        #expect(try fact("valid").name == "valid.capdo.test")
        #expect(try fact("valid").subject == "CN = valid.capdo.test, O = Phường Lê Chân")
    }

    @Test func chainFileYieldsEveryCertificateWithItsLine() throws {
        let pki = try TestPKI.get()
        let facts = try CertificateFileParser.parse(bytes(pki.chain("valid")), path: "chain.pem", now: Date())
        #expect(facts.map(\.name) == ["valid.capdo.test", "Capdo Test Intermediate"])
        let leafLines = try String(contentsOfFile: pki.cert("valid"), encoding: .utf8).split(separator: "\n").count
        #expect(facts.map(\.line) == [1, leafLines + 1])
    }

    @Test func privateKeyBlocksAreSkippedAndNeverReported() throws {
        let pki = try TestPKI.get()
        let combined =
            try String(contentsOfFile: pki.key("valid"), encoding: .utf8)
            + String(contentsOfFile: pki.cert("valid"), encoding: .utf8)
        let facts = try CertificateFileParser.parse(Array(combined.utf8), path: "combined.pem", now: Date())
        #expect(facts.count == 1)
        let json = String(decoding: try SnapshotCodec.encoder().encode(facts), as: UTF8.self)
        #expect(!json.contains("PRIVATE"))
        let keyOnly = try String(contentsOfFile: pki.key("valid"), encoding: .utf8)
        #expect(throws: CapdoError.self) {
            try CertificateFileParser.parse(Array(keyOnly.utf8), path: "k.pem", now: Date())
        }
    }

    func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    func expectOracle(_ fact: CertificateFact, file: String, inform: String, in directory: String) throws {
        // Names: the oracle's default escapes UTF-8 bytes (\\C3\\A2); capdo keeps UTF-8, which is what
        // `-nameopt oneline,-esc_msb,utf8` prints. ASCII-only names are compared with the default as well.
        let output = try OpenSSLCLI.run(
            [
                "x509", "-noout", "-dates", "-subject", "-issuer", "-fingerprint", "-sha256", "-serial", "-nameopt",
                "oneline,-esc_msb,utf8", "-inform", inform, "-in", file,
            ],
            in: directory)
        let plain = try OpenSSLCLI.run(
            ["x509", "-noout", "-subject", "-issuer", "-inform", inform, "-in", file], in: directory)
        if fact.subject.allSatisfy(\.isASCII) && fact.issuer.allSatisfy(\.isASCII) {
            #expect(plain == "subject=\(fact.subject)\nissuer=\(fact.issuer)\n")
        }
        var fields: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            fields[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        #expect(fact.subject == fields["subject"])
        #expect(fact.issuer == fields["issuer"])
        #expect(fact.sha256 == fields["sha256 Fingerprint"])
        #expect(fact.serial == fields["serial"])
        #expect(Self.opensslDate(fact.notBefore) == fields["notBefore"])
        #expect(Self.opensslDate(fact.notAfter) == fields["notAfter"])
    }

    /// `Jan  1 00:00:00 2025 GMT`, as `openssl x509 -dates` prints it.
    static func opensslDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return String(
            format: "%@ %2d %02d:%02d:%02d %d GMT", months[c.month! - 1], c.day!, c.hour!, c.minute!, c.second!, c.year!
        )
    }
}
