import CapdoCore
import Foundation
import Testing

@testable import CapdoReport

/// The compact fleet JSON holds every finding of the per-host report: each rule once, each (rule, host) in exactly
/// one outcome, with the same status, reason, evidence and waiver.
@Suite("Compact fleet JSON")
struct FleetJSONReporterTests {
    struct Document: Decodable {
        var format: String
        var rules: [FleetJSONDocument.Rule]
        var hosts: [FleetJSONDocument.Host]
        var findings: [FleetJSONDocument.RuleFindings]
    }

    static func decode(_ result: ScanResult) throws -> Document {
        let text = FleetJSONReporter().render(result, language: .vi)
        return try SnapshotCodec.decoder().decode(Document.self, from: Data(text.utf8))
    }

    /// The fixture with more hosts, some sharing evidence, one differing.
    static func fleet() -> ScanResult {
        var result = ReportFixture.scan()
        let base = result.hosts[1]
        for index in 0..<5 {
            var copy = base
            copy.host = "pc-copy-\(index)"
            for position in copy.findings.indices { copy.findings[position].host = copy.host }
            if index == 3, !copy.findings.isEmpty {
                copy.findings[0].evidence.append(
                    Evidence(subject: "khác", expected: "x", found: "y <b>", location: nil, outcome: .fail))
            }
            result.hosts.append(copy)
        }
        return result
    }

    @Test("every finding is in the document once, as it is in the result")
    func findingsRoundTrip() throws {
        let result = Self.fleet()
        let document = try Self.decode(result)
        #expect(document.format == FleetJSONReporter.documentFormat)
        #expect(Set(document.rules.map(\.id)).count == document.rules.count)
        #expect(document.rules.map(\.id) == document.findings.map(\.rule))
        #expect(document.hosts.map(\.host) == result.hosts.map(\.host))
        let rules = Dictionary(uniqueKeysWithValues: document.rules.map { ($0.id, $0) })
        var rebuilt: [String: Finding] = [:]
        for ruleFindings in document.findings {
            let rule = try #require(rules[ruleFindings.rule])
            for outcome in ruleFindings.outcomes {
                for position in outcome.hosts {
                    let host = document.hosts[position].host
                    let key = rule.id + "\u{0}" + host
                    #expect(rebuilt[key] == nil, "\(key) in two outcomes")
                    rebuilt[key] = Finding(
                        ruleID: rule.id, host: host, title: rule.title, requirement: rule.requirement,
                        group: rule.group, severity: rule.severity, status: outcome.status, reason: outcome.reason,
                        evidence: outcome.evidence, remediation: outcome.remediation ?? rule.remediation,
                        thresholdSource: rule.thresholdSource, ruleLocation: rule.ruleLocation,
                        waiver: outcome.waiver)
                }
            }
        }
        let expected = result.hosts.flatMap(\.findings)
        #expect(rebuilt.count == expected.count)
        for finding in expected {
            #expect(rebuilt[finding.ruleID + "\u{0}" + finding.host] == finding)
        }
    }

    @Test("hosts with the same evidence share one outcome")
    func sameEvidenceIsWrittenOnce() throws {
        let result = Self.fleet()
        let document = try Self.decode(result)
        let outcomes = document.findings.reduce(0) { $0 + $1.outcomes.count }
        #expect(outcomes < result.hosts.flatMap(\.findings).count)
        // The copies of the workstation differ from it only in the one finding given other evidence.
        let first = try #require(result.hosts[1].findings.first)
        let ofRule = try #require(document.findings.first { $0.rule == first.ruleID })
        let copy3 = try #require(document.hosts.firstIndex { $0.host == "pc-copy-3" })
        #expect(ofRule.outcomes.first { $0.hosts.contains(copy3) }?.hosts == [copy3])
    }

    @Test("the host rows carry the matrix counts")
    func hostRowsCountStatuses() throws {
        let result = Self.fleet()
        let document = try Self.decode(result)
        for (row, host) in zip(document.hosts, result.hosts) {
            let matrix = HostStatusMatrix.row(host)
            for status in FindingStatus.allCases { #expect(row.counts[status.rawValue] == matrix.count(status)) }
            #expect(row.worstSeverity == matrix.worstSeverity)
        }
    }

    @Test("json stands in as the fleet JSON for more than one host, unless the per-host JSON was asked for")
    func jsonChoosesTheFleetFormat() {
        let reporters: [any Reporter] = [JSONReporter(), HTMLReporter()]
        let fleet = Reporters.forResult(reporters, Self.fleet(), perHost: false)
        #expect(fleet.map(\.format) == ["fleet-json", "html"])
        #expect(fleet.map(\.fileExtension) == ["json", "html"])
        #expect(Reporters.forResult(reporters, Self.fleet(), perHost: true).map(\.format) == ["json", "html"])
        var single = Self.fleet()
        single.hosts = [single.hosts[0]]
        #expect(Reporters.forResult(reporters, single, perHost: false).map(\.format) == ["json", "html"])
        #expect(Reporters.reporter(for: Reporters.perHostJSON)?.format == "json")
    }

    @Test(
        "file names of detail reports are safe",
        arguments: [
            ("srv-01.lechan.local", "srv-01.lechan.local"),
            ("../../etc/passwd", "_.._etc_passwd"), ("a b/c", "a_b_c"), ("...", "host"),
        ])
    func detailFileNamesAreSafe(_ host: String, _ expected: String) {
        #expect(ReportFileName.safe(host) == expected)
    }
}
