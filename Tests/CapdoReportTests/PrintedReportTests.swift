import Foundation
import Testing

/// The example reports as a reader gets them: printed to A4 by a real browser (Debian's headless Chromium), then
/// read back with poppler. Budgets are documented in docs/reports.md.
@Suite("Printed reports (headless Chromium)")
struct PrintedReportTests {
    static let examples = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "../../Reports/examples")
        .standardizedFileURL

    /// Page budgets per example document: the body up to the signature block, and the whole document.
    struct Budget: Sendable, CustomTestStringConvertible {
        var file: String
        var body: Int?
        var total: Int
        var testDescription: String { file }
    }

    static let budgets: [Budget] = ["", "en/"].flatMap { (folder: String) -> [Budget] in
        [
            Budget(file: folder + "srv-portal-01-2026-11-28.html", body: 6, total: 44),
            Budget(file: folder + "pc-motcua-03-2026-11-28.html", body: 17, total: 110),
            Budget(file: folder + "fleet-2026-11-28.html", body: 14, total: 40),
            Budget(file: folder + "fleet-2026-11-28-hosts/pc-motcua-07.html", body: 11, total: 64),
            Budget(file: folder + "srv-portal-01-2026-11-28.fixes.html", body: nil, total: 3),
            Budget(file: folder + "pc-motcua-03-2026-11-28.fixes.html", body: nil, total: 15),
            Budget(file: folder + "fleet-2026-11-28.fixes.html", body: nil, total: 24),
            Budget(file: folder + "lan-ward-lan.pcap-2026-11-28.police.html", body: nil, total: 4),
        ]
    }

    /// A4 margins of `HTMLStyle` in points: 25 mm left, 15 mm right.
    static let leftMargin = 25 / 25.4 * 72
    static let rightMargin = 15 / 25.4 * 72

    @Test(
        .enabled(if: PrintedPDF.available, "needs chromium and poppler-utils (scripts/install-deps --test)"),
        arguments: budgets)
    func printsWithinBudget(_ budget: Budget) throws {
        let html = Self.examples.appending(path: budget.file).path
        let folder = FileManager.default.temporaryDirectory.appending(path: "capdo-printed-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pdf = try PrintedPDF(html: html, folder: folder)
        #expect(
            abs(pdf.pageWidth - 595) < 2 && abs(pdf.pageHeight - 842) < 2, "not A4: \(pdf.pageWidth)×\(pdf.pageHeight)")
        #expect(pdf.pages <= budget.total, "\(budget.file): \(pdf.pages) pages, budget \(budget.total)")
        let english = budget.file.hasPrefix("en/")
        let first = try pdf.text(first: 1, last: 1)
        if budget.file.contains(".fixes.") {
            #expect(first.contains(english ? "REMEDIATION PLAN" : "KẾ HOẠCH KHẮC PHỤC"))
        } else if budget.file.contains(".police.") {
            #expect(first.contains(english ? "LAN AND TLS OBSERVATION REPORT" : "BÁO CÁO GIÁM SÁT MẠNG LAN"))
        } else {
            // The conclusion (verdict over the items) is on page 1.
            #expect(
                first.contains(english ? "Overall result:" : "Kết luận chung:"),
                "\(budget.file): no conclusion on page 1")
            #expect(first.contains(english ? "COMPLIANT" : "ĐẠT"))
        }
        if let body = budget.body {
            let signature = english ? "CONFIRMATION BY THE SYSTEM OWNER" : "XÁC NHẬN CỦA CHỦ QUẢN HỆ THỐNG"
            let page = try #require(try pdf.page(containing: signature), "\(budget.file): no signature block")
            #expect(page <= body, "\(budget.file): body ends on page \(page), budget \(body)")
        }
        // No table wider than the page and no text clipped: every word lies inside the printable area.
        let words = try pdf.words()
        #expect(!words.isEmpty)
        let outside = words.filter { word in
            word.xMin < Self.leftMargin - 2 || word.xMax > pdf.pageWidth - Self.rightMargin + 2 || word.yMin < 0
                || word.yMax > pdf.pageHeight
        }
        #expect(
            outside.isEmpty,
            "\(budget.file): \(outside.prefix(5).map { "p\($0.page) '\($0.text)' x \($0.xMin)–\($0.xMax)" })")
    }
}
