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
        #expect(html.contains("ĐẠI DIỆN</strong></p>\n<p><strong>PHÒNG VĂN HÓA – XÃ HỘI"))
        #expect(html.contains("Nơi nhận:"))
        #expect(html.contains("XÁC NHẬN CỦA CHỦ QUẢN HỆ THỐNG"))
    }

    /// The order for the signer: conclusion, items, what to fix per host, limits, waivers, recommendations and
    /// signatures; then the appendices.
    @Test(arguments: ["md", "html"])
    func sectionsFollowTheSignersOrder(format: String) throws {
        let reporter = try #require(Reporters.reporter(for: format))
        let text = reporter.render(ReportFixture.scan(), language: .vi)
        let headings = [
            "Số: …… /BC-", "Căn cứ Nghị định số 85/2016/NĐ-CP", "Căn cứ Thông tư số 12/2022/TT-BTTTT", "1. Kết luận",
            "Các phát hiện cần xử lý", "Mục lục", "2. Mức đáp ứng theo từng yêu cầu",
            "3. Việc cần khắc phục theo từng máy", "4. Giới hạn của lần kiểm tra", "5. Miễn trừ", "6. Kiến nghị",
            "Nơi nhận:", "XÁC NHẬN CỦA CHỦ QUẢN HỆ THỐNG", "Phụ lục A. Ngưỡng áp dụng",
            "Phụ lục B. Bằng chứng của các phát hiện", "Phụ lục C. Các kiểm tra đạt",
            "Phụ lục D. Máy được kiểm tra",
        ]
        var searchFrom = text.startIndex
        for heading in headings {
            let range = try #require(text.range(of: heading, range: searchFrom..<text.endIndex), "\(heading)")
            searchFrom = range.upperBound
        }
    }

    /// The table of contents links to the headings as a Git forge anchors them (Markdown) or by id (HTML).
    @Test func tableOfContentsLinksToTheHeadings() {
        let md = MarkdownReporter().render(ReportFixture.scan(), language: .vi)
        #expect(md.contains("- [1. Kết luận](#1-kết-luận)"))
        #expect(md.contains("(#phụ-lục-b-bằng-chứng-của-các-phát-hiện)"))
        let html = HTMLReporter().render(ReportFixture.scan(), language: .vi)
        #expect(html.contains("<a href=\"#items\">2. Mức đáp ứng theo từng yêu cầu</a>"))
        #expect(html.contains("<h2 id=\"items\">2. Mức đáp ứng theo từng yêu cầu</h2>"))
    }

    /// New-regime ids are references, never a basis: they appear after the "Căn cứ" lines and are marked.
    @Test func newRegimeIsAReferenceNotABasis() throws {
        let md = MarkdownReporter().render(ReportFixture.scan(), language: .vi)
        #expect(!md.contains("Căn cứ Nghị định 331"))
        #expect(!md.contains("Căn cứ TCVN 14423"))
        #expect(md.contains("tham chiếu, chưa áp dụng chính thức"))
    }

    /// The limits are derived from the facts: an offline root, no capture, no TLS probe.
    @Test func limitsComeFromTheFacts() throws {
        var scan = ReportFixture.scan()
        scan.hosts[0].live = false
        let limits = InspectionLimits(ReportModel(scan, language: .en)).lines
        #expect(limits.contains { $0.hasPrefix("Offline root or snapshot (") && $0.contains(scan.hosts[0].host) })
        #expect(
            limits.contains { $0.hasPrefix("No TLS service was probed") } == scan.hosts.allSatisfy { $0.tls == nil })
        scan.hosts[0].issues = [
            CollectionIssue(collector: "config.sshd", file: "etc/ssh/sshd_config", line: 3, message: "x")
        ]
        let withIssue = InspectionLimits(ReportModel(scan, language: .en)).lines
        #expect(withIssue.contains { $0.contains("1 collection issue (config.sshd)") })
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
            #expect(english.contains("syn scan: 1 address, 2012 probes, 300 pps, 1987 closed, 10 filtered"))
        }
    }

    @Test func englishReportIsEnglish() {
        let md = MarkdownReporter().render(ReportFixture.scan(), language: .en)
        #expect(md.contains("## 1. Conclusion"))
        #expect(md.contains("**✗ Fail**"))
        #expect(!md.contains("Kết quả tổng hợp"))
    }

    @Test func reportersAreListedOnce() {
        #expect(
            Reporters.formats == [
                "html", "md", "json", "sarif", "junit", "csv", "fixes-html", "fixes-md", "fixes-csv", "police-html",
                "police-md", "fleet-json", "json-hosts",
            ])
        #expect(Reporters.defaultFormats == ["html", "md", "json", "fixes-html", "fixes-csv", "police-html"])
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
