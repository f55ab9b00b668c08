import CapdoCore
import Foundation
import Testing

@testable import CapdoReport

/// Section 7's anti-malware table: one row per product, stalest first, hosts without a product named.
@Suite("Anti-malware status table")
struct AntivirusTableTests {
    static func result() -> ScanResult {
        var result = ReportFixture.scan()
        let finished = result.finishedAt
        result.hosts[0].antivirus = AntivirusFacts(
            products: [
                AntivirusProduct(
                    product: "clamav", name: "ClamAV", file: "var/lib/clamav/daily.cvd", enabled: true, realTime: true,
                    signatureVersion: "daily 27839", signatureTime: finished.addingTimeInterval(-2 * 86_400)),
                AntivirusProduct(
                    product: "bkav", name: "<script>alert(1)</script>", file: "etc/capdo/antivirus/bkav.yaml",
                    realTime: false, signatureTime: finished.addingTimeInterval(-10 * 86_400)),
            ], sources: ["var/lib/clamav"])
        if result.hosts.count > 1 {
            result.hosts[1].antivirus = AntivirusFacts(products: [], sources: ["var/lib/clamav"])
        }
        return result
    }

    @Test(arguments: Language.allCases)
    func markdownListsProductsStalestFirst(_ language: Language) throws {
        let markdown = MarkdownReporter().render(Self.result(), language: language)
        let stale = try #require(markdown.range(of: "&lt;script&gt;"))
        let fresh = try #require(markdown.range(of: "daily 27839"))
        #expect(stale.lowerBound < fresh.lowerBound)
        #expect(!markdown.contains("<script>"))
        #expect(
            markdown.contains(
                language == .vi ? "Không tìm thấy phần mềm phòng chống mã độc" : "No anti-malware product found"))
        #expect(markdown.contains("| 10 |") && markdown.contains("| 2 |"))
    }

    @Test func htmlEscapesProductNames() {
        let html = HTMLReporter().render(Self.result(), language: .vi)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("ClamAV"))
        #expect(html.contains("Tắt"))
    }
}
