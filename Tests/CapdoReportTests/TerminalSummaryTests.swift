import CapdoCore
import Testing

@testable import CapdoReport

/// The few lines printed after a scan.
@Suite("Terminal summary")
struct TerminalSummaryTests {
    @Test func listsStatusCountsWorstFindingsAndPaths() {
        let text = TerminalSummary(language: .vi).render(
            ReportFixture.scan(), reportPaths: ["Reports/srv-01-2026-11-29.html", "Reports/srv-01-2026-11-29.md"])
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "capdo 0.1.0-test: CHƯA ĐẠT: 1/10 mục của Phụ lục II đáp ứng")
        #expect(lines[1].hasPrefix("Theo mục: 1 đáp ứng, 5 đáp ứng một phần, 1 chưa đáp ứng"))
        #expect(lines[2] == "Kiểm tra tự động: 4 kết quả không đạt (mã thoát 2).")
        #expect(lines[3].hasPrefix("Không đạt 4 · Lỗi 1 · Cảnh báo 3"))
        #expect(lines[4] == "Phát hiện nghiêm trọng nhất:")
        #expect(
            lines[5]
                == "  ✗ Không đạt [Nghiêm trọng] II.2 1.2.1 srv.auth.ssh_root_login_disabled trên pc-motcua-01: "
                + "Không cho phép đăng nhập root qua SSH")
        #expect(lines.filter { $0.hasPrefix("  ") && !$0.hasPrefix("  Reports/") }.count == 5)
        #expect(lines.suffix(2) == ["  Reports/srv-01-2026-11-29.html", "  Reports/srv-01-2026-11-29.md"])
        #expect(!text.contains("\u{1B}"))
    }

    @Test func colourIsOptional() {
        let text = TerminalSummary(language: .en, colour: true).render(ReportFixture.scan())
        #expect(text.contains("\u{1B}[1;31m"))
        #expect(text.contains("NOT YET COMPLIANT: 1 of 10 Annex II items met"))
    }
}
