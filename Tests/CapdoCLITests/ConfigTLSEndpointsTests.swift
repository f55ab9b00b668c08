import CapdoCore
import Foundation
import Testing

/// `tls_endpoints` of the systems in capdo.yaml are probed by `capdo scan` like `--tls` flags.
@Suite("capdo.yaml TLS endpoints")
struct ConfigTLSEndpointsTests {
    @Test func configuredEndpointsAreProbed() throws {
        let directory = NSTemporaryDirectory() + "capdo-cfg-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // Port 1 on loopback is closed here: the endpoint must still appear, with its error and origin.
        let config = """
            organisation: { name: "UBND phường Lê Chân" }
            systems:
              - name: "Cổng thông tin"
                level: 2
                tls_endpoints: ["127.0.0.1:1"]
            """
        try Data(config.utf8).write(to: URL(fileURLWithPath: directory + "/capdo.yaml"))
        let sample = try SampleRoot("srv-hardened")
        let result = CapdoProcess.run([
            "scan", "--root", sample.path, "--config", directory + "/capdo.yaml", "--output", directory + "/out",
            "--format", "json", "--now", "2026-11-28T09:00:00Z",
        ])
        #expect(result.status == 0 || result.status == 2, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory + "/out")
        let json = try #require(files.first { $0.hasSuffix(".json") })
        let report = try SnapshotCodec.decoder().decode(
            ScanResult.self, from: Data(contentsOf: URL(fileURLWithPath: directory + "/out/" + json)))
        let endpoints = report.hosts.first?.tls?.endpoints ?? []
        let configured = try #require(endpoints.first { $0.port == 1 })
        #expect(configured.origin == "capdo.yaml")
        #expect(configured.error != nil)
    }
}
