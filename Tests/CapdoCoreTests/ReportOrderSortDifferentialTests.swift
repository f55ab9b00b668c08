import Testing

@testable import CapdoCore

/// `ReportOrderSort.order` (ranks and two counting sorts) against `CodecReference.reportOrder` (a stable comparison
/// sort on `ReportOrderKey`), for findings spread over several hosts' lists as `ScanResult.allFindings` passes them.
@Suite("Codec: report order against a comparison sort")
struct ReportOrderSortDifferentialTests {
    static let items = ["II.2 1.2.10", "II.2 1.2.9", "II.3 1.2.9", "I 1.a", "II.2 1.1", "1.2.9", "", "II.2 1.2.9."]
    static let hosts = ["pc-2", "pc-10", "PC-1", "é", "e\u{301}", "", "<b>", "srv"]

    static func finding(_ index: Int, using random: inout SeededGenerator) -> Finding {
        Finding(
            ruleID: "rule.\(Int.random(in: 0..<6, using: &random))", host: hosts.randomElement(using: &random)!,
            title: LocalizedText(vi: "\(index)", en: "\(index)"),
            requirement: RequirementRef(tt12: items.randomElement(using: &random)!, tcvn11930: "6"),
            group: .server, severity: Severity.allCases.randomElement(using: &random)!, status: .pass,
            evidence: [], remediation: LocalizedText(vi: "", en: ""), thresholdSource: "none", ruleLocation: "")
    }

    /// Eight seeds, each 0 to 12 lists of 0 to 400 findings.
    @Test(arguments: 1...8)
    func sameOrderAsTheKeySort(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var counter = 0
        let lists = (0..<Int.random(in: 0...12, using: &random)).map { _ in
            (0..<Int.random(in: 0...400, using: &random)).map { _ in
                counter += 1
                return Self.finding(counter, using: &random)
            }
        }
        let fast = ReportOrderSort.order(lists)
        let plain = CodecReference.reportOrder(lists)
        #expect(fast.map(\.list) == plain.map(\.list))
        #expect(fast.map(\.index) == plain.map(\.index))
        let flat = lists.flatMap { $0 }
        #expect(Finding.sortedForReport(flat) == CodecReference.reportOrder([flat]).map { flat[$0.index] })
        // The in-place view reads the same findings in the same order.
        #expect(Array(FindingsInReportOrder(lists)) == plain.map { lists[$0.list][$0.index] })
    }
}
