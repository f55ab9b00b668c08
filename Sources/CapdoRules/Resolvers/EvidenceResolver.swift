import CapdoCore
import Foundation

/// `evidence: { item: "I 1.6", kind: assessment, review_within_days: 730, title_matches: "(?i)rủi ro" }`: the
/// documents indexed for a requirement item; passes when one exists, names its date and approver, is not past its
/// `next_review`, and (with `review_within_days`) is dated within that cycle.
///
/// Items are matched within their annex section (`I`, `II.1`, `II.2`; a selector without one means `I`), so evidence
/// filed for II.2 1.1.1 never attests I 1.1.1. Documents indexed but overdue, past their cycle or missing on disk make
/// a *definite* fail: the rule fails even when it is an attestation (`manual`), because the evidence shows the item
/// is not met; no usable document at all leaves an attestation rule `manual`.
struct EvidenceResolver: ResourceResolver {
    let kind: ResourceKind = "evidence"
    let selectorKeys: Set<String> = ["item", "kind", "title_matches", "review_within_days"]
    let requiredKeys = [["item"]]
    static let section = "evidence"
    static let documents = FactPath([section, "documents"])

    func factPaths(_ selector: [String: FactValue]) -> [FactPath] {
        [Self.documents.element("item"), Self.documents.element("exists")]
    }

    func resolve(_ evaluator: ResourceEvaluator) -> CheckEvaluator.Result {
        let selector = evaluator.check.selector
        var wanted: [String] = []
        if let list = selector["item"]?.arrayValue {
            wanted = list.compactMap(\.stringValue)
        } else if let one = selector["item"]?.stringValue {
            wanted = [one]
        }
        let targets = wanted.map(Self.qualify)
        let kind = selector["kind"]?.stringValue
        let subject =
            "evidence for item \(targets.map { "\($0.section) \($0.item)" }.joined(separator: ", "))"
            + (kind.map { " (\($0))" } ?? "")
        guard let evidence = evaluator.facts[Self.section] else {
            return evaluator.unknown(
                subject,
                evaluator.context.missing(
                    section: Self.section, collectorPrefixes: [Self.section]))
        }
        let titlePattern = selector["title_matches"]?.stringValue
        let cycle = selector["review_within_days"]?.numberValue
        let documents = (evidence["documents"]?.arrayValue ?? []).filter { document in
            guard let item = document["item"]?.stringValue else { return false }
            let section = document["section"]?.stringValue ?? "I"
            let itemMatches = targets.contains {
                section == $0.section && (item == $0.item || item.hasPrefix($0.item + "."))
            }
            // A selector without `kind` wants the item's main document: a typed one (a level-approval decision
            // filed under I 1.1.1) does not stand in for it.
            let kindMatches = document["kind"]?.stringValue == kind
            let titleMatches =
                titlePattern.map { MatcherEvaluator.regexMatches($0, document["title"]?.stringValue ?? "") } ?? true
            return itemMatches && kindMatches && titleMatches
        }
        let index = evidence["index"]?.stringValue ?? "index.yaml"
        var valid = 0
        var disproved = 0
        var notes: [String] = []
        var states: [(title: String, state: EvidenceSentence.DocumentState)] = []
        for document in documents {
            let title = document["title"]?.stringValue ?? "?"
            let state = Self.judge(document, cycle: cycle, now: evaluator.context.now, index: index)
            notes.append(Self.note(title, state))
            states.append((title, state))
            switch Verdict(state) {
            case .valid: valid += 1
            case .disproved: disproved += 1
            case .incomplete: break
            }
        }
        let found = documents.isEmpty ? "no document indexed" : notes.joined(separator: "; ")
        let folder = evidence["folder"]?.stringValue
        let location =
            documents.first?["line"]?.numberValue.map { "\(folder ?? "")/\(index):\(FactValue.number($0).display)" }
            ?? folder
        var expected = "an approved document (title, date, approver), not past its review date"
        if let cycle { expected += ", dated within \(FactValue.format(cycle)) days" }
        let items = targets.map { "\($0.section) \($0.item)" }
        var result = evaluator.single(
            subject, expected: expected, found: found, location: location, outcome: valid > 0 ? .pass : .fail,
            text: EvidenceSentence.documents(items: items, documents: states, location: location))
        result.definite = valid == 0 && disproved > 0
        return result
    }
}

private extension EvidenceResolver {
    enum Verdict {
        /// Usable evidence.
        case valid
        /// Indexed, but proves the item unmet: past its review date or cycle, or the file is not there.
        case disproved
        /// Indexed without what an auditor needs to accept it (date, approver).
        case incomplete

        init(_ state: EvidenceSentence.DocumentState) {
            switch state {
            case .valid: self = .valid
            case .missing, .overdue, .outOfCycle: self = .disproved
            case .incomplete: self = .incomplete
            }
        }
    }

    /// `"II.2 1.1.2"` → (`II.2`, `1.1.2`); an unqualified selector means section `I`.
    static func qualify(_ text: String) -> (section: String, item: String) {
        let words = text.split(separator: " ").map(String.init)
        return words.count == 2 ? (words[0], words[1]) : ("I", text)
    }

    /// One document's state: missing, overdue, out of its cycle, incomplete (no date or approver) or valid with what
    /// the auditor needs to find it. The verdict, the note and the report's sentence are all read from it.
    static func judge(_ document: FactValue, cycle: Double?, now: Date, index: String) -> EvidenceSentence.DocumentState
    {
        let path = document["path"]?.stringValue ?? "?"
        guard document["exists"]?.boolValue == true else { return .missing(path: path) }
        let date = document["date"]?.stringValue.flatMap(CapdoDate.parse)
        let review = document["next_review"]?.stringValue.flatMap(CapdoDate.parse)
        if let review, review < now { return .overdue(since: review) }
        if let cycle, let date, CapdoDate.ageInDays(of: date, now: now) > cycle {
            return .outOfCycle(date: date, days: cycle)
        }
        let approver = document["approved_by"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        guard let date, let approver else {
            return .incomplete(missingDate: date == nil, missingApprover: approver == nil)
        }
        let indexLine = document["line"]?.numberValue.map { "\(index):\(FactValue.format($0))" }
        return .valid(path: path, date: date, approvedBy: approver, nextReview: review, indexLine: indexLine)
    }

    /// The note the finding's `found` prints for one document (title, file, date, approver, index line).
    static func note(_ title: String, _ state: EvidenceSentence.DocumentState) -> String {
        switch state {
        case .missing(let path): return "\(title): file \(path) missing"
        case .overdue(let since): return "\(title): review overdue since \(CapdoDate.day(since))"
        case .outOfCycle(let date, let days):
            return "\(title): dated \(CapdoDate.day(date)), older than the \(FactValue.format(days))-day cycle"
        case .incomplete(let missingDate, let missingApprover):
            let missing = [missingDate ? "date" : nil, missingApprover ? "approver" : nil].compactMap { $0 }
            return "\(title): the index gives no \(missing.joined(separator: " or "))"
        case .valid(let path, let date, let approvedBy, let nextReview, let indexLine):
            var details = [path]
            if let date { details.append("dated \(CapdoDate.day(date))") }
            if let approvedBy { details.append("approved by \(approvedBy)") }
            if let nextReview { details.append("next review \(CapdoDate.day(nextReview))") }
            if let indexLine { details.append(indexLine) }
            return "\(title) (\(details.joined(separator: ", ")))"
        }
    }
}
