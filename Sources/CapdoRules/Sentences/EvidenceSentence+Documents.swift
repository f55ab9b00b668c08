import CapdoCore
import Foundation

/// Sentences of the management documents in the evidence index.
extension EvidenceSentence {
    /// What the index says of one document.
    enum DocumentState {
        /// The file is missing from the folder.
        case missing(path: String)
        /// Its review date has passed.
        case overdue(since: Date)
        /// Dated before the rule's review cycle (`review_within_days`).
        case outOfCycle(date: Date, days: Double)
        /// Indexed without a date or an approver, so an auditor cannot accept it.
        case incomplete(missingDate: Bool, missingApprover: Bool)
        /// In force: file, date of issue, approver, next review, index line.
        case valid(path: String, date: Date?, approvedBy: String?, nextReview: Date?, indexLine: String?)
    }

    /// `Hồ sơ cho mục 1.1.1: Quy chế ATTT (docs/quy-che.pdf, ngày 01/03/2026, phê duyệt: Chủ tịch UBND, index.yaml:3)`.
    static func documents(items: [String], documents: [(title: String, state: DocumentState)], location: String?)
        -> LocalizedText
    {
        let subject = LocalizedText(
            vi: "Hồ sơ cho mục \(items.joined(separator: ", "))",
            en: "Evidence for item\(items.count == 1 ? "" : "s") \(items.joined(separator: ", "))")
        let requirement = LocalizedText(
            vi: "có tài liệu được phê duyệt, chưa quá hạn rà soát", en: "an approved document, not past its review date"
        )
        guard !documents.isEmpty else {
            return Wording.withRequirement(
                LocalizedText(
                    vi: "\(subject.vi): chưa khai báo tài liệu nào\(Wording.place(location))",
                    en: "\(subject.en): no document indexed\(Wording.place(location))"), requirement)
        }
        let notes = documents.map { document -> LocalizedText in
            switch document.state {
            case .missing(let path):
                return LocalizedText(
                    vi: "\(document.title): thiếu tệp \(path)", en: "\(document.title): file \(path) missing")
            case .overdue(let since):
                let day = Wording.day(since)
                return LocalizedText(
                    vi: "\(document.title): quá hạn rà soát từ \(day.vi)",
                    en: "\(document.title): review overdue since \(day.en)")
            case .outOfCycle(let date, let days):
                let day = Wording.day(date)
                return LocalizedText(
                    vi:
                        "\(document.title): ban hành ngày \(day.vi), đã quá chu kỳ rà soát \(FactValue.format(days)) ngày",
                    en: "\(document.title): dated \(day.en), older than the \(FactValue.format(days))-day review cycle")
            case .incomplete(let missingDate, let missingApprover):
                let vi = [missingDate ? "ngày ban hành" : nil, missingApprover ? "người phê duyệt" : nil]
                let en = [missingDate ? "a date" : nil, missingApprover ? "an approver" : nil]
                return LocalizedText(
                    vi: "\(document.title): danh mục hồ sơ không ghi \(vi.compactMap { $0 }.joined(separator: " và "))",
                    en: "\(document.title): the index gives no \(en.compactMap { $0 }.joined(separator: " or "))")
            case .valid(let path, let date, let approvedBy, let nextReview, let indexLine):
                var vi = [path]
                var en = [path]
                if let date {
                    vi.append("ngày \(Wording.day(date).vi)")
                    en.append("dated \(Wording.day(date).en)")
                }
                if let approvedBy {
                    vi.append("phê duyệt: \(approvedBy)")
                    en.append("approved by \(approvedBy)")
                }
                if let nextReview {
                    vi.append("rà soát tiếp: \(Wording.day(nextReview).vi)")
                    en.append("next review \(Wording.day(nextReview).en)")
                }
                if let indexLine {
                    vi.append(indexLine)
                    en.append(indexLine)
                }
                return LocalizedText(
                    vi: "\(document.title) (\(vi.joined(separator: ", ")))",
                    en: "\(document.title) (\(en.joined(separator: ", ")))")
            }
        }
        let listed = Wording.joined(notes, separator: "; ")
        return Wording.withRequirement(
            LocalizedText(vi: "\(subject.vi): \(listed.vi)", en: "\(subject.en): \(listed.en)"), requirement)
    }
}
