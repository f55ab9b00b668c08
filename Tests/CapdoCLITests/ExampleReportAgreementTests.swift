import CapdoCore
import Foundation
import Testing

@testable import CapdoReport

/// Every example report says one thing: the engine's statuses, the counts, the item verdicts of section 2, the conclusion and the Mẫu 08 table agree, and no pass rests on an empty match.
@Suite("Example reports agree with themselves")
struct ExampleReportAgreementTests {
    static let folder = CapdoProcess.repository.appendingPathComponent("Reports/examples")

    static let reports: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        // The per-host JSON reports (a fleet's compact `.fleet.json` beside its per-host one has no findings list).
        return names.filter { $0.hasSuffix(".json") && !$0.hasSuffix(".fleet.json") }.map { String($0.dropLast(5)) }
            .sorted()
    }()

    struct Document: Decodable {
        var summary: JSONReportSummary
    }

    func load(_ stem: String) throws -> (result: ScanResult, summary: JSONReportSummary, markdown: String) {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(stem + ".json"))
        let result = try SnapshotCodec.decoder().decode(ScanResult.self, from: data)
        let summary = try SnapshotCodec.decoder().decode(Document.self, from: data).summary
        let markdown = try String(
            contentsOf: Self.folder.appendingPathComponent(stem + ".md"), encoding: .utf8)
        return (result, summary, markdown.replacingOccurrences(of: "\\", with: ""))
    }

    @Test func examplesExist() {
        #expect(Self.reports.count >= 3)
    }

    @Test(arguments: ExampleReportAgreementTests.reports)
    func countsVerdictsAndConclusionAgree(stem: String) throws {
        let (result, summary, markdown) = try load(stem)
        // Section 3's counts are the engine's statuses.
        var counts: [String: Int] = [:]
        for status in FindingStatus.allCases { counts[status.rawValue] = 0 }
        for finding in result.allFindings { counts[finding.status.rawValue, default: 0] += 1 }
        #expect(summary.counts == counts)
        // Section 4's verdicts follow from the findings of each item.
        for item in summary.items {
            let control = try #require(result.controls.first { $0.section == item.section && $0.id == item.item })
            let statuses = result.allFindings.filter {
                $0.requirement.tt12 == control.section + " " + control.id
                    && (control.rules.isEmpty || control.rules.contains($0.ruleID))
            }.map(\.status)
            #expect(ItemVerdict.from(statuses: statuses, coverage: control.coverage) == item.verdict, "\(item.item)")
        }
        // The conclusion is over those verdicts and names every item not yet met.
        let open = summary.items.filter { !$0.verdict.isSettled }
        #expect(summary.conclusion.compliant == open.isEmpty)
        #expect(Set(summary.conclusion.open.map(\.item)) == Set(open.map { $0.section + " " + $0.item }))
        let conclusion = try #require(markdown.range(of: "## 1. "))
        let box = markdown[conclusion.upperBound...].drop { $0 != ">" }.prefix { $0 != "#" }
        for item in summary.conclusion.open { #expect(box.contains(item.item + " ("), "\(stem): \(item.item)") }
        // The Mẫu 08 status comes from the same verdicts.
        let strings = ReportStrings(markdown.contains("Kết luận chung") ? .vi : .en)
        for system in result.systems ?? [] {
            let status = DeploymentStatus(hosts: system.hosts, findings: result.allFindings, controls: result.controls)
            #expect(markdown.contains("| \(system.hosts.count) | \(strings[status.key]) |"), "\(system.name)")
        }
    }

    /// The bug: five TLS rules passed on "0 matching" with no endpoint probed.
    @Test(arguments: ExampleReportAgreementTests.reports)
    func noPassRestsOnAnEmptyMatch(stem: String) throws {
        let (result, _, _) = try load(stem)
        for finding in result.allFindings where finding.status == .pass {
            #expect(!finding.evidence.isEmpty, "\(finding.ruleID) on \(finding.host) passed without evidence")
            let vacuous = finding.evidence.allSatisfy {
                $0.found.hasSuffix("among 0") || $0.found.hasPrefix("unknown")
            }
            #expect(!vacuous, "\(finding.ruleID) on \(finding.host) passed on nothing")
        }
    }
}
