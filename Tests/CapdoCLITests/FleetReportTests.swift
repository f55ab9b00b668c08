import CapdoCore
import CapdoRules
import Foundation
import Testing

/// `capdo evaluate` over the four sample Windows PCs: the compact fleet JSON (validated against
/// docs/fleet-json.schema.json by python3-jsonschema), management items once for the system, and the summary's
/// links to one detail report per host.
@Suite("Fleet reports of capdo evaluate")
struct FleetReportTests {
    static let snapshots = SnapshotSchemaTests.samples

    /// How many management rules the catalogue has (Rules/level2/management): the items judged once per system.
    static func managementRuleCount() throws -> Int {
        let folder = CapdoProcess.repository.appendingPathComponent("Rules/level2/management")
        var count = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".yaml") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            count += try RuleLoader.load(text: text, file: name, defaultGroup: .management).count
        }
        return count
    }

    /// Evaluates the samples into a new folder with `extra` options; the folder and the run.
    static func evaluate(_ extra: [String]) -> (folder: String, run: CapdoProcess.Result) {
        let folder = NSTemporaryDirectory() + "capdo-fleet-" + UUID().uuidString
        let run = CapdoProcess.run(
            ["evaluate"] + snapshots + [
                "--config", "Samples/capdo.yaml", "--now", "2026-11-28T09:00:00Z", "--output", folder, "--quiet",
            ] + extra)
        return (folder, run)
    }

    @Test(
        "json over several hosts is the compact fleet JSON and matches its schema",
        .enabled(
            if: SnapshotSchemaTests.jsonschemaAvailable,
            "needs python3 with jsonschema (apt install python3-jsonschema)"))
    func fleetJSONMatchesTheSchema() throws {
        let (folder, run) = Self.evaluate(["--format", "json"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(run.status == 2, "\(run.stderr)")
        let path = folder + "/fleet-2026-11-28.json"
        let (status, violations) = try SnapshotSchemaTests.validate(
            [path], schema: "docs/fleet-json.schema.json")
        #expect(status == 0, "\(violations)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        #expect(document["format"] as? String == "capdo-fleet")
        let hosts = try #require(document["hosts"] as? [[String: Any]])
        // Four PCs and the one information system of Samples/capdo.yaml, which holds the management items.
        #expect(hosts.count == 5)
        let system = try #require(hosts.last)
        #expect((system["members"] as? [String])?.count == 4)
        let rules = try #require(document["rules"] as? [[String: Any]])
        let management = Set(rules.filter { $0["group"] as? String == "management" }.compactMap { $0["id"] as? String })
        #expect(management.count == (try Self.managementRuleCount()))
        let findings = try #require(document["findings"] as? [[String: Any]])
        for entry in findings where management.contains(entry["rule"] as? String ?? "") {
            let outcomes = try #require(entry["outcomes"] as? [[String: Any]])
            #expect(outcomes.flatMap { $0["hosts"] as? [Int] ?? [] } == [hosts.count - 1])
        }
    }

    @Test("json-hosts keeps the per-host JSON report for a fleet")
    func perHostJSONOnRequest() throws {
        let (folder, run) = Self.evaluate(["--format", "json-hosts"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(run.status == 2, "\(run.stderr)")
        let result = try SnapshotCodec.decoder().decode(
            ScanResult.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/fleet-2026-11-28.json")))
        #expect(result.hosts.filter { !$0.isSystem }.count == 4)
        // Management items are the system's, not repeated on each PC.
        #expect(result.hosts.filter { !$0.isSystem }.allSatisfy { !$0.findings.contains { $0.group == .management } })
        #expect(
            result.hosts.last?.findings.count(where: { $0.group == .management }) == (try Self.managementRuleCount()))
    }

    @Test("the HTML and Markdown summaries link one detail report per host")
    func detailReportsAreLinked() throws {
        let (folder, run) = Self.evaluate(["--format", "html,md"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(run.status == 2, "\(run.stderr)")
        let html = try String(contentsOfFile: folder + "/fleet-2026-11-28.html", encoding: .utf8)
        let markdown = try String(contentsOfFile: folder + "/fleet-2026-11-28.md", encoding: .utf8)
        let details = try FileManager.default.contentsOfDirectory(atPath: folder + "/fleet-2026-11-28-hosts").sorted()
        #expect(details.count == 8)
        for name in details where name.hasSuffix(".html") {
            #expect(html.contains("href=\"fleet-2026-11-28-hosts/\(name)\""))
            let detail = try String(contentsOfFile: folder + "/fleet-2026-11-28-hosts/" + name, encoding: .utf8)
            // One host's report: no host table, and it says where its system's management items are judged.
            #expect(!detail.contains("Tình trạng theo từng máy"))
            #expect(detail.contains("Các mục quản lý (phần I của Phụ lục II) được đánh giá một lần"))
        }
        for name in details where name.hasSuffix(".md") {
            #expect(markdown.contains("(fleet-2026-11-28-hosts/\(name))"))
        }
        // The summary has the host table; the index beside it lists every host, linked.
        #expect(html.contains("Tình trạng theo từng máy"))
        let index = try String(contentsOfFile: folder + "/fleet-2026-11-28-hosts.html", encoding: .utf8)
        for name in details where name.hasSuffix(".html") {
            #expect(index.contains("href=\"fleet-2026-11-28-hosts/\(name)\""))
        }
        #expect(FileManager.default.fileExists(atPath: folder + "/fleet-2026-11-28-hosts.md"))
    }
}
