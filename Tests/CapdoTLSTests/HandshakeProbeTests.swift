import CapdoCore
import Foundation
import Testing

@testable import CapdoTLS

/// Real `openssl s_server` instances on loopback, probed with the full matrix; every fact as set up.
@Suite("Handshake probe against openssl s_server")
struct HandshakeProbeTests {
    static let weakServerCiphers = "DEFAULT@SECLEVEL=0"

    func prober(timeout: Double = 3) throws -> TLSProber {
        try TLSProber(
            options: TLSProbeOptions(
                connectTimeout: timeout, handshakeTimeout: timeout, concurrency: 8, caFile: TestPKI.get().root))
    }

    func serve(_ leaf: String, chain: Bool = true, extra: [String] = []) throws -> TestServer {
        let pki = try TestPKI.get()
        var arguments = ["-cert", pki.cert(leaf), "-key", pki.key(leaf), "-www"]
        if chain && leaf != "selfsigned" { arguments += ["-cert_chain", pki.intermediate] }
        return try TestServer(arguments + extra, in: pki.directory)
    }

    func probe(_ server: TestServer, host: String = "127.0.0.1") async throws -> TLSEndpoint {
        defer { server.stop() }
        let results = try await prober().probe([TLSTarget(host: host, port: server.port)], now: Date())
        return try #require(results.first)
    }

    @Test func healthyServerModernProtocolsVerifiedChain() async throws {
        let endpoint = try await probe(serve("valid"))
        #expect(endpoint.error == nil)
        #expect(endpoint.acceptedProtocols == ["tls1_2", "tls1_3"])
        #expect(endpoint.protocols["tls1_0"]?.status == "rejected")
        #expect(endpoint.protocols["tls1_1"]?.status == "rejected")
        #expect(endpoint.negotiatedProtocol == "TLSv1.3")
        #expect(endpoint.negotiatedCipher?.hasPrefix("TLS_") == true)
        #expect(endpoint.verifyResult == "ok")
        #expect(endpoint.chainVerified == true)
        #expect(endpoint.hostnameMatches == true)
        #expect(endpoint.chain.map(\.name) == ["valid.capdo.test", "Capdo Test Intermediate"])
        #expect(endpoint.chain.first?.source == "127.0.0.1:\(endpoint.port)#0")
        #expect(endpoint.weakSuitesAccepted.isEmpty)
        #expect(endpoint.weakSuites["null"]?.status == "rejected")
        #expect(endpoint.weakSuites["anonymous"]?.status == "rejected")
        // OpenSSL 3.0 has no EXPORT, RC4 (without the legacy provider) or 3DES suites in libssl: said, not guessed.
        for key in endpoint.weakSuitesUntestable {
            #expect(endpoint.weakSuites[key]?.reason?.contains("local OpenSSL") == true)
        }
        let pki = try TestPKI.get()
        let onDisk = try CertificateFileParser.parse(
            Array(Data(contentsOf: URL(fileURLWithPath: pki.cert("valid")))), path: "v", now: Date())
        #expect(endpoint.chain.first?.sha256 == onDisk.first?.sha256)
    }

    @Test func hostnameByNameAndSNI() async throws {
        let endpoint = try await probe(serve("valid"), host: "localhost")
        #expect(endpoint.sni == "localhost")
        #expect(endpoint.hostnameMatches == true)
    }

    @Test(arguments: [
        ("expired", "certificate has expired"),
        ("notyet", "certificate is not yet valid"),
        ("selfsigned", "self-signed certificate"),
    ])
    func verifyFailures(leaf: String, expected: String) async throws {
        let endpoint = try await probe(serve(leaf))
        #expect(endpoint.error == nil)
        #expect(endpoint.verifyResult == expected)
        #expect(endpoint.chainVerified == false)
    }

    @Test func incompleteChainDoesNotVerify() async throws {
        let endpoint = try await probe(serve("valid", chain: false))
        #expect(endpoint.chain.count == 1)
        #expect(endpoint.verifyResult == "unable to get local issuer certificate")
        #expect(endpoint.chainVerified == false)
    }

    @Test func wrongHost() async throws {
        let endpoint = try await probe(serve("wronghost"))
        #expect(endpoint.hostnameMatches == false)
        #expect(endpoint.verifyResult == "ok")
    }

    @Test func weakKeyAndSHA1Signature() async throws {
        let small = try await probe(serve("rsa1024", extra: ["-cipher", Self.weakServerCiphers]))
        #expect(small.chain.first?.keyType == "rsa")
        #expect(small.chain.first?.keyBits == 1024)
        let sha1 = try await probe(serve("sha1", extra: ["-cipher", Self.weakServerCiphers]))
        #expect(sha1.chain.first?.signatureHash == "sha1")
    }

    @Test func tls10Only() async throws {
        let endpoint = try await probe(serve("rsa2048", extra: ["-tls1", "-cipher", Self.weakServerCiphers]))
        #expect(endpoint.error == nil)
        #expect(endpoint.acceptedProtocols == ["tls1_0"])
        #expect(endpoint.negotiatedProtocol == "TLSv1")
        #expect(endpoint.protocols["tls1_3"]?.status == "rejected")
    }

    @Test func weakSuitesAccepted() async throws {
        let endpoint = try await probe(serve("rsa2048", extra: ["-cipher", "ALL:eNULL:@SECLEVEL=0"]))
        #expect(endpoint.weakSuitesAccepted.contains("null"))
        #expect(endpoint.weakSuitesAccepted.contains("anonymous"))
        #expect(endpoint.weakSuites["null"]?.cipher != nil)
    }

    /// A hang would never end: the time limit proves that every bad endpoint gives up (wall-clock bounds on the
    /// elapsed time are left to benchmarks; a busy shared machine once took 41 s for these 1 s timeouts).
    @Test(.timeLimit(.minutes(3))) func badEndpointsGetReasonsAndTheRestIsStillChecked() async throws {
        let http = try TestListener(.http)
        let silent = try TestListener(.silent)
        let midway = try TestListener(.closeMidHandshake)
        let server = try serve("valid")
        defer {
            http.stop()
            silent.stop()
            midway.stop()
            server.stop()
        }
        let targets = [
            TLSTarget(host: "127.0.0.1", port: http.port), TLSTarget(host: "127.0.0.1", port: silent.port),
            TLSTarget(host: "127.0.0.1", port: midway.port), TLSTarget(host: "nonexistent.invalid", port: 443),
            TLSTarget(host: "127.0.0.1", port: TestListener.closedPort()),
            TLSTarget(host: "127.0.0.1", port: server.port),
        ]
        let results = try await prober(timeout: 1).probe(targets, now: Date())
        try #require(results.count == targets.count)
        #expect(results[0].error?.contains("does not speak TLS") == true, "\(results[0].error ?? "nil")")
        #expect(results[1].error?.contains("timed out after 1 s") == true, "\(results[1].error ?? "nil")")
        #expect(
            results[2].error?.contains("closed the connection") == true
                || results[2].error?.contains("no TLS handshake") == true,
            "\(results[2].error ?? "nil")")
        #expect(
            results[3].error?.contains("cannot resolve 'nonexistent.invalid'") == true, "\(results[3].error ?? "nil")")
        #expect(results[4].error?.contains("Connection refused") == true, "\(results[4].error ?? "nil")")
        #expect(results[5].error == nil)
        #expect(results[5].acceptedProtocols == ["tls1_2", "tls1_3"])
        for result in results.prefix(5) {
            #expect(result.acceptedProtocols.isEmpty)
            #expect(result.chain.isEmpty)
        }
    }
}
