import CapdoCore
import Foundation
import Testing

@testable import CapdoReport

/// The JSON report decodes back to the same `ScanResult`, and its `summary` says what the other reports say.
@Suite("JSON report")
struct JSONReporterTests {
    func render() throws -> (text: String, object: [String: Any]) {
        let text = JSONReporter().render(ReportFixture.scan(), language: .vi)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return (text, object)
    }

    @Test func decodesBackToTheScanResult() throws {
        let text = try render().text
        let decoded = try SnapshotCodec.decoder().decode(ScanResult.self, from: Data(text.utf8))
        #expect(decoded == ReportFixture.scan())
    }

    /// A fleet report is streamed in parallel batches; its bytes must be those of encoding the whole document at
    /// once (more hosts than one batch, hostile text included, so indentation, separators and escaping all show).
    @Test func streamedFleetReportHasTheBytesOfOneEncoding() throws {
        var scan = ReportFixture.hostileScan("<script>&\u{2028}\u{202E}")
        let hosts = ReportFixture.scan().hosts + scan.hosts
        scan.hosts = (0..<(JSONReporter.batchSize + 7)).map { index in
            var host = hosts[index % hosts.count]
            host.host = "pc-\(index)"
            return host
        }
        let whole = try SnapshotCodec.encoder().encode(
            JSONReportDocument(result: scan, summary: JSONReportSummary(scan)))
        let expected = JSONReporter.inert(String(decoding: whole, as: UTF8.self)) + "\n"
        let streamed = JSONReporter().render(scan, language: .vi)
        #expect(streamed == expected)
        #expect(!streamed.contains("<script>"))
    }

    @Test func keepsSchemaVersionAndAddsSummary() throws {
        let object = try render().object
        #expect(object["schema_version"] as? Int == ScanResult.currentSchemaVersion)
        #expect(Set(object.keys).isSuperset(of: ["schema_version", "hosts", "controls", "waivers", "summary"]))
    }

    @Test func summaryMatchesTheScan() throws {
        let text = try render().text
        struct Wrapper: Decodable { var summary: JSONReportSummary }
        let summary = try SnapshotCodec.decoder().decode(Wrapper.self, from: Data(text.utf8)).summary
        #expect(summary == JSONReportSummary(ReportFixture.scan()))
        #expect(summary.overall == .fail)
        #expect(summary.exitCode == 2)
        #expect(
            summary.counts == [
                "pass": 3, "fail": 4, "warn": 3, "error": 1, "not_applicable": 2, "manual": 2, "waived": 1,
            ])
        let server = try #require(summary.groups.first { $0.group == .server })
        #expect(server.pass == 2 && server.fail == 4 && server.warn == 2)
        #expect(server.score == 37.5)
        #expect(summary.groups.first { $0.group == .network }?.score == nil)
        let auth = try #require(summary.items.first { $0.item == "1.2.1" })
        #expect(auth.verdict == .partlyMet)
        #expect(auth.hosts == [ReportFixture.workstation, ReportFixture.server])
        #expect(summary.items.first { $0.item == "1.a" }?.verdict == .notAssessed)
        #expect(summary.items.first { $0.item == "1.5.4" }?.verdict == .manual)
    }

    @Test func angleBracketsAreEscapedButValuesSurvive() throws {
        let text = try render().text
        #expect(!text.contains("<"))
        #expect(text.contains("\\u003cscript\\u003e"))
        #expect(text.contains("\"schema_version\" : 1"))
    }
}
