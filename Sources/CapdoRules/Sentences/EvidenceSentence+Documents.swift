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
        /// In force: file, date of issue, approver, index line.
        case valid(path: String, date: Date?, approvedBy: String?, indexLine: String?)
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
            case .valid(let path, let date, let approvedBy, let indexLine):
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
