import CapdoCore
import Foundation
import Testing

@testable import CapdoTLS

/// STARTTLS for every dialect against a real upgrading server (Python's ssl, i.e. OpenSSL): the handshake behind
/// the plaintext dialogue is checked like any TLS port, and a server that refuses the upgrade says so.
@Suite("STARTTLS dialogues")
struct StartTLSTests {
    static let canRun = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")

    func probe(_ dialect: String, refuse: Bool = false) async throws -> TLSEndpoint {
        let pki = try TestPKI.get()
        let server = try StartTLSServer(
            dialect: dialect, cert: pki.cert("valid"), key: pki.key("valid"), chain: pki.intermediate, refuse: refuse,
            in: pki.directory)
        defer { server.stop() }
        let prober = try TLSProber(
            options: TLSProbeOptions(connectTimeout: 5, handshakeTimeout: 5, concurrency: 4, caFile: pki.root))
        let results = await prober.probe(
            [TLSTarget(host: "127.0.0.1", port: server.port, starttls: dialect)], now: Date())
        return try #require(results.first)
    }

    @Test(.enabled(if: canRun, "needs python3"), arguments: TLSTarget.starttlsDialects)
    func upgradeIsProbedLikeAnyTLSPort(dialect: String) async throws {
        let endpoint = try await probe(dialect)
        #expect(endpoint.error == nil, "\(endpoint.error ?? "")")
        #expect(endpoint.starttls == dialect)
        #expect(endpoint.acceptedProtocols.contains("tls1_2"), "\(endpoint.protocols)")
        #expect(!endpoint.acceptedProtocols.contains("tls1_0"))
        #expect(endpoint.chain.map(\.name) == ["valid.capdo.test", "Capdo Test Intermediate"])
        #expect(endpoint.chainVerified == true)
    }

    @Test(.enabled(if: canRun, "needs python3"), arguments: TLSTarget.starttlsDialects)
    func refusedUpgradeSaysWhy(dialect: String) async throws {
        let endpoint = try await probe(dialect, refuse: true)
        #expect(endpoint.error?.contains("\(dialect.uppercased()) STARTTLS failed") == true, "\(endpoint.error ?? "")")
        #expect(endpoint.acceptedProtocols.isEmpty)
        #expect(endpoint.chain.isEmpty)
    }
}
