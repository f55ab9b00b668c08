import CapdoCore
import Testing

@testable import CapdoReport

/// A fleet's summary report beside its detail reports: the host × status table linked to them, cut to a few pages
/// with the whole table in the host index, and no per-host parts left in the summary.
@Suite struct FleetSummaryTests {
    /// The fixture fleet with `extra` more copies of its second host, linked to a detail folder.
    static func fleet(extra: Int = 0) -> ScanResult {
        var result = FleetJSONReporterTests.fleet()
        let base = result.hosts[1]
        for index in 0..<extra {
            var copy = base
            copy.host = "pc-more-\(index)"
            for position in copy.findings.indices { copy.findings[position].host = copy.host }
            result.hosts.append(copy)
        }
        result.hostDetails = "fleet-2026-11-29-hosts"
        return result
    }

    @Test("the summary links each host to its detail report, in HTML and Markdown")
    func summaryLinksDetailReports() {
        let result = Self.fleet()
        let html = HTMLReporter().render(result, language: .en)
        #expect(html.contains("<a href=\"fleet-2026-11-29-hosts/pc-copy-3.html\">pc-copy-3</a>"))
        let markdown = MarkdownReporter().render(result, language: .vi)
        #expect(markdown.contains("[pc-copy-3](fleet-2026-11-29-hosts/pc-copy-3.md)"))
        #expect(markdown.contains("Tình trạng theo từng máy"))
    }

    @Test("the host index lists every host once, linked; a single host has none")
    func indexListsEveryHost() throws {
        let result = Self.fleet(extra: 40)
        let markdown = try #require(FleetHostIndex.render(result, language: .vi, format: "md"))
        for host in result.hosts {
            #expect(markdown.components(separatedBy: "[\(host.host)](fleet-2026-11-29-hosts/").count == 2)
        }
        let html = try #require(FleetHostIndex.render(result, language: .en, format: "html"))
        #expect(html.components(separatedBy: "<a href=\"fleet-2026-11-29-hosts/").count == result.hosts.count + 1)
        #expect(FleetHostIndex.render(result, language: .en, format: "json") == nil)
        var single = result
        single.hosts = [result.hosts[0]]
        #expect(FleetHostIndex.render(single, language: .en, format: "html") == nil)
    }

    @Test("a large fleet's summary shows the hosts needing most action and links the index for the rest")
    func largeFleetSummaryIsCut() {
        let result = Self.fleet(extra: 40)
        let html = HTMLReporter().render(result, language: .en)
        let links = html.components(separatedBy: "<a href=\"fleet-2026-11-29-hosts/").count - 1
        #expect(links == HostMatrixSection.summaryRows)
        #expect(html.contains("<a href=\"fleet-2026-11-29-hosts.html\">"))
        #expect(html.contains("of \(result.hosts.count)"))
    }

    @Test("the summary leaves each host's checklist, evidence and passed checks to its detail report")
    func summaryHasNoPerHostParts() {
        let result = Self.fleet(extra: 40)
        let summary = MarkdownReporter().render(result, language: .en)
        var unlinked = result
        unlinked.hostDetails = nil
        let whole = MarkdownReporter().render(unlinked, language: .en)
        #expect(!summary.contains("### pc-more-7"))
        #expect(whole.contains("### pc-more-7"))
        #expect(summary.count * 4 < whole.count)
        #expect(summary.contains("and 41 more") || summary.contains("and 42 more"))
    }

    @Test("host names in links cannot leave the link or the attribute")
    func hostileHostNamesStayInTheirLink() {
        var result = Self.fleet()
        result.hosts[2].host = "x\"><script>alert(1)</script>](javascript:1) [y"
        let html = HTMLReporter().render(result, language: .en)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("href=\"fleet-2026-11-29-hosts/x___script_alert_1___script___javascript_1___y.html\""))
        let markdown = MarkdownReporter().render(result, language: .en)
        #expect(!markdown.contains("](javascript:"))
    }
}
