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

    /// The hand-written findings JSON equals Foundation's for every field shape (optionals present and absent,
    /// waivers, empty evidence) and for every byte a host could put in a string.
    @Test func findingsWriterEqualsFoundation() throws {
        var every = ""
        for value in 0..<0x80 { every.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        every += "\u{2028}\u{2029}\u{FFFD}\u{202E}é漢😀/\\\""
        var findings = ReportFixture.scan().hosts.flatMap(\.findings)
        var hostile = try #require(findings.first)
        hostile.host = every
        hostile.title = LocalizedText(vi: every, en: "")
        hostile.reason = LocalizedText(vi: every, en: every)
        hostile.evidence = [
            Evidence(subject: every, expected: every, found: every, location: every, outcome: .unknown),
            Evidence(subject: "s", expected: "e", found: "f", outcome: .pass),
        ]
        hostile.requirement = RequirementRef(tt12: every, tcvn11930: every, tcvn14423: every, nd331: every)
        hostile.thresholdSource = every
        hostile.ruleLocation = every
        hostile.waiver = AppliedWaiver(
            justification: every, approvedBy: every, expires: Date(timeIntervalSince1970: 1_800_000_000), expired: true,
            location: every)
        var bare = hostile
        bare.evidence = []
        bare.reason = nil
        bare.waiver = nil
        bare.requirement = RequirementRef(tt12: "II.2 1.1.1", tcvn11930: "6.2.1.1")
        findings += [hostile, bare]
        for indent in [0, 2, 6] {
            var writer = FindingJSON()
            writer.array(findings, indent: indent)
            let foundation = String(decoding: try SnapshotCodec.encoder().encode(findings), as: UTF8.self)
            let expected = foundation.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
                $0.offset == 0 || $0.element.isEmpty
                    ? String($0.element) : String(repeating: " ", count: indent) + $0.element
            }.joined(separator: "\n")
            #expect(String(decoding: writer.bytes, as: UTF8.self) == expected, "indent \(indent)")
            var inert = FindingJSON(inert: true)
            inert.array(findings, indent: indent)
            #expect(String(decoding: inert.bytes, as: UTF8.self) == JSONReporter.inert(expected), "inert \(indent)")
        }
        var empty = FindingJSON()
        empty.array([], indent: 2)
        #expect(String(decoding: empty.bytes, as: UTF8.self) == "[\n\n  ]")
    }

    /// Rule fragments written once per rule change nothing: a finding whose rule values differ from the ones a
    /// fragment was written from (another title, remediation or location) is written in full.
    @Test func ruleFragmentsKeepTheBytes() throws {
        let findings = ReportFixture.scan().hosts.flatMap(\.findings)
        var changed = findings.map { finding in
            var finding = finding
            finding.title = LocalizedText(vi: finding.title.vi + " <&>", en: "other")
            finding.ruleLocation += ":2"
            return finding
        }
        changed[0].remediation = LocalizedText(vi: "\u{2028}", en: "\"")
        for indent in [4, 8] {
            var fragments = FindingFragments(inert: true, indent: 8)
            fragments.learn(findings)
            for list in [findings, changed, findings + changed] {
                var plain = FindingJSON(inert: true)
                plain.array(list, indent: indent - 2)
                var cached = FindingJSON(inert: true, fragments: fragments)
                cached.array(list, indent: indent - 2)
                #expect(cached.bytes == plain.bytes, "indent \(indent)")
            }
        }
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
                "pass": 3, "fail": 4, "warn": 3, "error": 1, "not_applicable": 2, "not_assessed": 0, "manual": 2,
                "waived": 1,
            ])
        let server = try #require(summary.groups.first { $0.group == .server })
        #expect(server.pass == 2 && server.fail == 4 && server.warn == 2)
        // Scores count items (met + ½ partly met over the items that apply), as the conclusion does.
        #expect(server.items["partly_met"] == 4 && server.items["not_met"] == 1 && server.score == 33.3)
        #expect(summary.groups.first { $0.group == .network }?.score == nil)
        #expect(summary.conclusion.compliant == false)
        #expect(summary.conclusion.items["met"] == 1)
        #expect(summary.conclusion.open.first?.verdict == .notMet)
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
