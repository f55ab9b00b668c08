import CapdoCore

/// `evidence: { item: "1.1.1", title_matches: "(?i)chính sách" }`: the management documents indexed for a
/// requirement item; passes when one exists and is not past its review date.
struct EvidenceResolver: ResourceResolver {
    let kind: ResourceKind = "evidence"
    let selectorKeys: Set<String> = ["item", "title_matches"]
    let requiredKeys = [["item"]]
    static let section = "evidence"
    static let documents = FactPath([section, "documents"])

    func factPaths(_ selector: [String: FactValue]) -> [FactPath] {
        [Self.documents.element("item"), Self.documents.element("exists")]
    }

    func resolve(_ evaluator: ResourceEvaluator) -> CheckEvaluator.Result {
        let selector = evaluator.check.selector
        var items: [String] = []
        if let list = selector["item"]?.arrayValue {
            items = list.compactMap(\.stringValue)
        } else if let one = selector["item"]?.stringValue {
            items = [one]
        }
        let subject = "evidence for item \(items.joined(separator: ", "))"
        guard let evidence = evaluator.facts[Self.section] else {
            return evaluator.unknown(
                subject,
                evaluator.context.missing(
                    section: Self.section, collectorPrefixes: [Self.section]))
        }
        let titlePattern = selector["title_matches"]?.stringValue
        let documents = (evidence["documents"]?.arrayValue ?? []).filter { document in
            guard let item = document["item"]?.stringValue else { return false }
            let itemMatches = items.contains { item == $0 || item.hasPrefix($0 + ".") }
            let titleMatches =
                titlePattern.map { MatcherEvaluator.regexMatches($0, document["title"]?.stringValue ?? "") } ?? true
            return itemMatches && titleMatches
        }
        let index = evidence["index"]?.stringValue ?? "index.yaml"
        var valid: [FactValue] = []
        var notes: [String] = []
        var states: [(title: String, state: EvidenceSentence.DocumentState)] = []
        for document in documents {
            let title = document["title"]?.stringValue ?? "?"
            guard document["exists"]?.boolValue == true else {
                notes.append("\(title): file \(document["path"]?.stringValue ?? "?") missing")
                states.append((title, .missing(path: document["path"]?.stringValue ?? "?")))
                continue
            }
            if let review = document["next_review"]?.stringValue.flatMap(CapdoDate.parse),
                review < evaluator.context.now
            {
                notes.append("\(title): review overdue since \(CapdoDate.day(review))")
                states.append((title, .overdue(since: review)))
                continue
            }
            valid.append(document)
            // Title, file, date, approver and the index line: what an auditor checks against the paper copy.
            var details = [document["path"]?.stringValue ?? "?"]
            if let date = document["date"]?.stringValue.flatMap(CapdoDate.parse) {
                details.append("dated \(CapdoDate.day(date))")
            }
            if let approver = document["approved_by"]?.stringValue { details.append("approved by \(approver)") }
            let indexLine = document["line"]?.numberValue.map { "\(index):\(FactValue.format($0))" }
            if let indexLine { details.append(indexLine) }
            notes.append("\(title) (\(details.joined(separator: ", ")))")
            states.append(
                (
                    title,
                    .valid(
                        path: document["path"]?.stringValue ?? "?",
                        date: document["date"]?.stringValue.flatMap(CapdoDate.parse),
                        approvedBy: document["approved_by"]?.stringValue, indexLine: indexLine)
                ))
        }
        let found = documents.isEmpty ? "no document indexed" : notes.joined(separator: "; ")
        let folder = evidence["folder"]?.stringValue
        let location =
            documents.first?["line"]?.numberValue.map { "\(folder ?? "")/\(index):\(FactValue.number($0).display)" }
            ?? folder
        return evaluator.single(
            subject, expected: "an approved document, not past its review date", found: found, location: location,
            outcome: valid.isEmpty ? .fail : .pass,
            text: EvidenceSentence.documents(items: items, documents: states, location: location))
    }
}
