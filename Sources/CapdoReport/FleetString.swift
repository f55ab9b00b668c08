import CapdoCore

/// The fixed texts of a fleet's summary report and its host index, in Vietnamese and English; templates take `{0}`,
/// `{1}`… like `DocumentString`.
enum FleetString: String, CaseIterable, Sendable, TextCatalogue {
    case matrixHeading, matrixHostColumn, matrixWorst, matrixSystemNote, matrixLinks, matrixMore, indexTitle
    case moreHosts, fixesIntro, columnRuleHosts, detailsNote, limitIssues, managementElsewhere, moreActions
}

extension FleetString {
    // swiftlint:disable:next function_body_length
    static func pair(_ key: FleetString) -> (vi: String, en: String) {
        switch key {
        case .matrixHeading: return ("Tình trạng theo từng máy", "Status by host")
        case .matrixHostColumn: return ("Máy / hệ thống", "Host / system")
        case .matrixWorst: return ("Mức nghiêm trọng cao nhất", "Worst severity")
        case .matrixSystemNote:
            return (
                "Các mục quản lý được đánh giá một lần cho mỗi hệ thống thông tin (dòng có dấu *), không lặp lại theo "
                    + "máy.",
                "Management items are judged once per information system (rows marked *), not repeated per host."
            )
        case .matrixLinks:
            return (
                "Tên mỗi máy dẫn tới báo cáo chi tiết của máy đó (thư mục {0}).",
                "Each host name links to that host's detail report (folder {0})."
            )
        case .matrixMore:
            return (
                "Bảng trên gồm {0} máy cần xử lý nhiều nhất trong số {1} máy. Bảng đầy đủ, mỗi máy một dòng dẫn tới "
                    + "báo cáo chi tiết, ở tệp:",
                "The table shows the {0} hosts needing most action of {1}. The full table, one linked row per host, "
                    + "is in the file:"
            )
        case .indexTitle: return ("Tình trạng theo từng máy – {0}", "Status by host – {0}")
        case .moreHosts: return ("và {0} máy khác", "and {0} more")
        case .fixesIntro:
            return (
                "Mỗi dòng là một quy tắc chưa đạt và các máy có kết quả đó. Danh sách việc cần làm của từng máy, có ô "
                    + "để đánh dấu, nằm trong báo cáo chi tiết của máy đó và trong Kế hoạch khắc phục.",
                "Each row is a rule not yet met and the hosts with that result. Each host's checklist, with boxes to "
                    + "tick, is in that host's detail report and in the fix list."
            )
        case .columnRuleHosts: return ("Số máy", "Count")
        case .moreActions:
            return (
                "Và {0} phát hiện khác cần xử lý: xem mục 3 (theo quy tắc) và báo cáo chi tiết của từng máy.",
                "And {0} more findings that need action: see section 3 (per rule) and each host's detail report."
            )
        case .managementElsewhere:
            return (
                "Các mục quản lý (phần I của Phụ lục II) được đánh giá một lần cho cả hệ thống thông tin ({0}) trong "
                    + "báo cáo tổng hợp; báo cáo này gồm kết quả của riêng máy {1}, nên các mục đó ở đây không có kết "
                    + "quả kiểm tra.",
                "The management items (Annex II part I) are judged once for the whole information system ({0}) in "
                    + "the summary report; this report holds host {1}'s own results, so those items have no checks "
                    + "here."
            )
        case .limitIssues:
            return (
                "Bộ thu thập {0}: {1} trên {2}; chi tiết trong báo cáo của từng máy.",
                "Collector {0}: {1} on {2}; details in each host's report."
            )
        case .detailsNote:
            return (
                "Kết quả chi tiết, các kiểm tra đã đạt, chứng thư số và phần mềm phòng chống mã độc của từng máy nằm "
                    + "trong báo cáo chi tiết của máy đó (thư mục {0}); phụ lục này gồm các mục quản lý, được đánh giá "
                    + "một lần cho mỗi hệ thống thông tin.",
                "Each host's detailed results, passed checks, certificates and anti-malware status are in its detail "
                    + "report (folder {0}); this appendix holds the management items, judged once per information "
                    + "system."
            )
        }
    }
}
