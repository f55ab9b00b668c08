import CapdoCore
import Foundation
import Testing

@testable import CapdoReport

/// Section 8 (changes since the previous scan) in the HTML and Markdown reports.
@Suite("Changes section")
struct ChangesSectionTests {
    static func withChanges() -> ScanResult {
        var result = ReportFixture.scan()
        let date = ReportFixture.date("2026-11-28T03:00:00Z")
        result.changes = ScanChanges(
            baselines: [ScanChanges.Baseline(host: ReportFixture.server, scanID: 7, finishedAt: date)],
            newFindings: [
                FindingChange(
                    host: ReportFixture.server, ruleID: "srv.access.no_cleartext_admin_listeners",
                    title: LocalizedText(vi: "Không có Telnet", en: "No Telnet"), item: "1.2.2", severity: .high,
                    before: .pass, after: .fail, foundAfter: "<inetd> on 0.0.0.0:23")
            ],
            resolved: [], changed: [],
            inventory: [
                InventoryChange(
                    host: ReportFixture.server, kind: .port, subject: "tcp/23", before: nil, after: "0.0.0.0 (inetd)")
            ],
            trend: [
                TrendPoint(scanID: 7, finishedAt: date, scores: [.server: 90, .data: 100]),
                TrendPoint(scanID: 8, finishedAt: result.finishedAt, scores: [.server: 80, .data: 100]),
            ])
        return result
    }

    @Test func htmlShowsTheChangesAndAWellFormedTrendChart() throws {
        let html = HTMLReporter().render(Self.withChanges(), language: .vi)
        #expect(html.contains("<h2 id=\"changes\">"))
        #expect(html.contains("srv.access.no_cleartext_admin_listeners"))
        #expect(html.contains("&lt;inetd&gt; on 0.0.0.0:23"))
        #expect(!html.contains("<inetd>"))
        #expect(html.contains("<svg class=\"chart trend\""))
        #expect(html.contains("<polyline"))
        #expect(html.contains("Thay đổi so với lần kiểm tra trước</h2>"))
    }

    @Test func markdownShowsTheChangesAsTables() {
        let md = MarkdownReporter().render(Self.withChanges(), language: .en)
        #expect(md.contains(". Changes since the previous scan\n"))
        #expect(md.contains("### New findings (1)") || md.contains("### New findings \\(1\\)"))
        #expect(md.contains("tcp/23"))
        #expect(md.contains("| #7") || md.contains("| \\#7"))
    }

    /// Without history there is nothing to compare: no appendix, and the page budget is not spent on a placeholder.
    @Test func withoutHistoryThereIsNoChangesAppendix() {
        let md = MarkdownReporter().render(ReportFixture.scan(), language: .en)
        #expect(!md.contains("Changes since the previous scan"))
        #expect(md.contains("Appendix A. Thresholds, rule set and clauses"))
    }
}
