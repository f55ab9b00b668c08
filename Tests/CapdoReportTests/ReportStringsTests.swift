import CapdoCore
import Testing

@testable import CapdoReport

/// The catalogue is complete in both languages and its templates fill correctly.
@Suite("Report strings")
struct ReportStringsTests {
    @Test(arguments: ReportString.allCases)
    func everyKeyHasBothLanguages(_ key: ReportString) {
        #expect(!key.text.vi.isEmpty)
        #expect(!key.text.en.isEmpty)
        let placeholdersVi = (0..<4).filter { key.text.vi.contains("{\($0)}") }
        let placeholdersEn = (0..<4).filter { key.text.en.contains("{\($0)}") }
        #expect(placeholdersVi == placeholdersEn, "placeholders differ between vi and en")
    }

    @Test func vietnameseLabelsCarryDiacritics() {
        let s = ReportStrings(.vi)
        #expect(s[.sectionSummary] == "Kết quả tổng hợp")
        #expect(s[.sectionItems] == "Mức đáp ứng theo từng yêu cầu")
        #expect(s[.sectionConclusion] == "Kết luận và kiến nghị")
        #expect(
            FindingStatus.allCases.map(s.status) == [
                "Đạt", "Không đạt", "Cảnh báo", "Lỗi", "Không áp dụng", "Chưa đánh giá", "Cần xác nhận", "Miễn trừ",
            ])
    }

    @Test func datesAreVietnamTime() {
        let s = ReportStrings(.vi)
        let late = ReportFixture.date("2026-11-29T20:30:00Z")
        #expect(s.documentDate(late) == "Ngày 30 tháng 11 năm 2026")
        #expect(s.timestamp(late) == "30/11/2026 03:30:00")
        #expect(s.day(late) == "30/11/2026")
        #expect(ReportStrings(.en).timestamp(late) == "2026-11-30 03:30:00")
        #expect(s.window(late, late) == "lúc 30/11/2026 03:30:00")
        #expect(s.window(late, late.addingTimeInterval(61)) == "từ 30/11/2026 03:30:00 đến 30/11/2026 03:31:01")
        #expect(ReportStrings(.en).documentDate(late) == "Date: 2026-11-30")
    }
}
