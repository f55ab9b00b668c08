import CapdoCore
import Testing

@testable import CapdoReport

/// What an auditor must find in the printed report, independent of layout details.
@Suite("Report content")
struct ReportContentTests {
    @Test func htmlIsSelfContainedAndPrintable() {
        let html = HTMLReporter().render(ReportFixture.scan(), language: .vi)
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("<svg class=\"chart\""))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("<img"))
        #expect(html.contains("ỦY BAN NHÂN DÂN PHƯỜNG LÊ CHÂN"))
        #expect(html.contains("PHÒNG VĂN HÓA – XÃ HỘI"))
        #expect(html.contains("BÁO CÁO KIỂM TRA AN TOÀN HỆ THỐNG THÔNG TIN THEO CẤP ĐỘ 2"))
        #expect(html.contains("ĐẠI DIỆN PHÒNG VĂN HÓA – XÃ HỘI"))
        #expect(html.contains("NGƯỜI LẬP BÁO CÁO"))
    }

    @Test(arguments: ["md", "html"])
    func sectionsFollowTheAuditorStructure(format: String) throws {
        let reporter = try #require(Reporters.reporter(for: format))
        let text = reporter.render(ReportFixture.scan(), language: .vi)
        let headings = [
            "1. Căn cứ", "2. Phạm vi, phương pháp", "3. Kết quả tổng hợp", "4. Mức đáp ứng theo từng yêu cầu",
            "5. Phát hiện kỹ thuật", "6. Phát hiện trên mạng LAN", "7. Chứng thư số TLS và phòng chống mã độc",
            "8. Thay đổi so với lần kiểm tra trước", "9. Miễn trừ", "10. Kế hoạch khắc phục",
            "11. Kết luận và kiến nghị",
        ]
        var searchFrom = text.startIndex
        for heading in headings {
            let range = try #require(text.range(of: heading, range: searchFrom..<text.endIndex), "\(heading)")
            searchFrom = range.upperBound
        }
    }

    @Test(arguments: ["md", "html"])
    func findingsComeWithEvidenceWaiversAndPlan(format: String) throws {
        let reporter = try #require(Reporters.reporter(for: format))
        // Undo presentation-only markup: HTML break opportunities and Markdown backslash escapes.
        let text = reporter.render(ReportFixture.scan(), language: .vi)
            .replacingOccurrences(of: "<wbr>", with: "").replacingOccurrences(of: "\\_", with: "_")
        #expect(text.contains("etc/ssh/sshd_config:33"))
        #expect(text.contains("Rules/level2/server/1.2.1.yaml:4"))
        #expect(text.contains("Miễn trừ đã hết hạn ngày 31/10/2026"))
        #expect(text.contains("Miễn trừ đang có hiệu lực"))
        #expect(text.contains("VHXH-2026-014"))
        #expect(text.contains("Không áp dụng"))
        // Critical before high before medium in the detailed findings.
        let critical = try #require(text.range(of: "Mức độ: Nghiêm trọng"))
        let high = try #require(text.range(of: "Mức độ: Cao"))
        let info = try #require(text.range(of: "Mức độ: Thông tin"))
        #expect(critical.lowerBound < high.lowerBound && high.lowerBound < info.lowerBound)
    }

    /// An active scan's line tells the Police how many ports answered closed and how many stayed silent.
    @Test func lanScanLineCountsClosedAndFilteredPorts() {
        var scan = ReportFixture.scan()
        scan.hosts[0].lan = LanFacts(
            segment: "192.0.2.0/24", mode: "syn",
            scan: LanScanInfo(
                method: "syn", targets: ["192.0.2.2"], ports: "1-2000", addresses: 1, probes: 2_012, rate: 300,
                seconds: 7.1, closed: 1_987, filtered: 10))
        for reporter in [MarkdownReporter(), HTMLReporter()] as [any Reporter] {
            let vietnamese = reporter.render(scan, language: .vi)
            // Markdown escapes the parentheses of "(bị lọc)", so the check stops before them.
            #expect(
                vietnamese.contains(
                    "quét syn: 1 địa chỉ, 2012 lượt thăm dò, 300 gói/giây, 1987 cổng đóng, 10 cổng không"))
            let english = reporter.render(scan, language: .en)
            #expect(english.contains("syn scan: 1 addresses, 2012 probes, 300 pps, 1987 closed, 10 filtered"))
        }
    }

    @Test func englishReportIsEnglish() {
        let md = MarkdownReporter().render(ReportFixture.scan(), language: .en)
        #expect(md.contains("## 3. Summary of results"))
        #expect(md.contains("**✗ Fail**"))
        #expect(!md.contains("Kết quả tổng hợp"))
    }

    @Test func reportersAreListedOnce() {
        #expect(Reporters.formats == ["html", "md", "json", "sarif", "junit", "csv", "fleet-json", "json-hosts"])
        #expect(Reporters.defaultFormats == ["html", "md", "json"])
        #expect(Reporters.reporter(for: "markdown")?.format == "md")
        #expect(Reporters.reporter(for: "SARIF")?.fileExtension == "sarif")
        #expect(Reporters.reporter(for: "junit")?.fileExtension == "xml")
        #expect(Reporters.reporter(for: "xlsx") == nil)
    }
}

/// What the TLS probe could not look at is said in section 7, not left to be read into a pass.
@Suite("TLS probe limits in reports")
struct TLSLimitsReportTests {
    @Test(arguments: ["md", "html"])
    func untestableSuitesAndUnprobedEndpointsAreDisclosed(format: String) throws {
        let reporter = try #require(Reporters.reporter(for: format))
        var scan = ReportFixture.scan()
        scan.hosts[0].tls = TLSFacts(
            endpoints: [TLSEndpoint(name: "portal:443", host: "portal", port: 443, acceptedProtocols: ["tls1_3"])],
            limitations: ["rc4: no RC4 suites in the local OpenSSL 3.0.19", "3des: no 3DES suites"],
            library: "OpenSSL 3.0.19")
        scan.hosts[1].tls = TLSFacts()
        let text = reporter.render(scan, language: .vi)
        #expect(text.contains("thư viện OpenSSL 3.0.19 không có các bộ mã RC4, 3DES"))
        #expect(text.contains("Không có dịch vụ TLS nào được thử kết nối"))
    }
}
