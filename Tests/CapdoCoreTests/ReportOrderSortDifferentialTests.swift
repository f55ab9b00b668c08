import Testing

@testable import CapdoCore

/// `Finding.sortedForReport` ranks rules and hosts once; it must give what a stable sort on `ReportOrderKey` gives.
@Suite("Report order")
struct ReportOrderTests {
    @Test func rankedSortEqualsTheKeySort() {
        var generator = SystemRandomNumberGenerator()
        let items = ["II.2 1.2.10", "II.2 1.2.9", "II.3 1.2.9", "I 1.a", "II.2 1.1", "1.2.9"]
        let hosts = ["pc-2", "pc-10", "PC-1", "é", "e\u{301}", ""]
        let findings = (0..<2_000).map { index in
            Finding(
                ruleID: "rule.\(Int.random(in: 0..<5, using: &generator))",
                host: hosts.randomElement(using: &generator)!,
                title: LocalizedText(vi: "\(index)", en: "\(index)"),
                requirement: RequirementRef(tt12: items.randomElement(using: &generator)!, tcvn11930: "6"),
                group: .server, severity: Severity.allCases.randomElement(using: &generator)!, status: .pass,
                evidence: [], remediation: LocalizedText(vi: "", en: ""), thresholdSource: "none", ruleLocation: "")
        }
        let expected = findings.enumerated().map { (ReportOrderKey($0.element), $0.offset, $0.element) }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map(\.2)
        #expect(Finding.sortedForReport(findings) == expected)
    }
}
