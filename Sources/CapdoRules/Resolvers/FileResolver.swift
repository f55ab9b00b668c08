import CapdoCore

/// `file: { path: /etc/shadow, exists: true, mode_within: "0640", uid: 0 }`: the metadata the files collector
/// recorded for one path; `exists` and `mode_within` are matchers, the other attributes take a value or matchers.
struct FileResolver: ResourceResolver {
    let kind: ResourceKind = "file"
    let selectorKeys: Set<String> = ["path"]
    let requiredKeys = [["path"]]
    let attributeKeys: Set<String> = ["kind", "mode", "uid", "gid", "size"]
    static let section = "files"

    func factPaths(_ selector: [String: FactValue]) -> [FactPath] {
        [FactPath([Self.section, selector["path"]?.stringValue ?? ""])]
    }

    func resolve(_ evaluator: ResourceEvaluator) -> CheckEvaluator.Result {
        let check = evaluator.check
        let path = check.selector["path"]?.stringValue ?? ""
        let subject = "file \(path)"
        guard let files = evaluator.facts[Self.section] else {
            return evaluator.unknown(
                subject, evaluator.context.missing(section: Self.section, collectorPrefixes: [Self.section]))
        }
        guard let fact = files[path] else {
            return evaluator.unknown(subject, .unknown(reason: ReasonText.fileNotExamined(path), error: false))
        }
        let exists = fact["exists"]?.boolValue ?? false
        var outcomes: [Outcome] = []
        var expected: [String] = []
        var found: [String] = [exists ? "exists" : "does not exist"]
        // The sentence: the attributes looked at, and what each must be.
        var seen: [(name: String, value: FactValue?)] = []
        var required: [LocalizedText] = []
        for matcher in check.matchers {
            let target: FactValue? = matcher.op == .exists ? (exists ? .bool(true) : nil) : fact["mode"]
            if matcher.op != .exists && !exists {
                outcomes.append(.unknown(reason: ReasonText.fileMissing(path), error: false))
                continue
            }
            let judgement = evaluator.matcher.judge(target, [matcher])
            outcomes.append(judgement.outcome)
            expected.append(judgement.expected)
            required.append(
                matcher.op == .exists
                    ? EvidenceSentence.fileExists(matcher.operand.boolValue ?? true)
                    : judgement.requirement)
            if matcher.op == .modeWithin {
                found.append("mode \(fact["mode"]?.display ?? "?")")
                seen.append(("mode", fact["mode"]))
            }
        }
        // In name order, so that the evidence reads the same in every run (a dictionary's order is not stable).
        for (key, spec) in check.selector.sorted(by: { $0.key < $1.key }) where key.hasPrefix("attr.") {
            let attribute = String(key.dropFirst(5))
            guard exists else {
                outcomes.append(.unknown(reason: ReasonText.fileMissing(path), error: false))
                continue
            }
            let judgement = evaluator.matcher.judge(fact[attribute], ResourceEvaluator.matchers(from: spec))
            outcomes.append(judgement.outcome)
            expected.append("\(attribute) \(judgement.expected)")
            found.append("\(attribute) \(fact[attribute]?.display ?? "(not set)")")
            seen.append((attribute, fact[attribute]))
            let label = EvidenceSentence.attributeLabel(attribute)
            required.append(
                LocalizedText(
                    vi: "\(label.vi) \(judgement.requirement.vi)", en: "\(label.en) \(judgement.requirement.en)"))
        }
        let text = EvidenceSentence.file(
            path: path, exists: exists, attributes: seen, requirement: MatcherPhrase.all(required))
        return evaluator.single(
            subject, expected: expected.joined(separator: " and "), found: found.joined(separator: ", "),
            location: path, outcome: .all(outcomes), text: text)
    }
}
