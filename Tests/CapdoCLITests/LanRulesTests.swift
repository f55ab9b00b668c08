import Foundation
import Testing

/// The network rules on hosts without LAN facts: never pass, always not_applicable.
@Suite struct LanRulesTests {
    @Test func networkRulesAreNotAssessedWithoutLanFacts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "capdo-lanrules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let snapshot = folder.appendingPathComponent("host.json")
        try Data(
            """
            {"schema_version":1,"collected_at":"2026-11-29T00:00:00Z","scanner":{"name":"capdo","version":"0.1.0"},
             "root":"/x","live":false,"config":{},"files":{},"issues":[],"collectors":[]}
            """.utf8
        ).write(to: snapshot)
        let result = CapdoProcess.run([
            "evaluate", snapshot.path, "--output", folder.path, "--format", "json", "--quiet", "--name", "r",
        ])
        #expect(result.status != 1, "\(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("r.json")))
        let hosts = try #require((report as? [String: Any])?["hosts"] as? [[String: Any]])
        let findings = hosts.flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }
        let network = findings.filter { ($0["rule_id"] as? String)?.hasPrefix("net.") == true }
        #expect(network.count == 19)
        // The attestations beside the LAN rules (VPN / jump host, internal access policy) await their documents.
        let attested: Set<String> = ["net.zone.remote_admin_attested", "net.lan.internal_access_attested"]
        for finding in network {
            let rule = finding["rule_id"] as? String ?? ""
            #expect(finding["status"] as? String == (attested.contains(rule) ? "manual" : "not_assessed"), "\(rule)")
        }
    }
}
