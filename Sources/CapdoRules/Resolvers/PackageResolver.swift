import CapdoCore

/// `package: { name: openssh-server, version_ge: "1:9.2" }` or `{ names: [telnetd, …], installed: false }`: installed
/// packages by name (multi-arch `name:arch` too), their version matched with dpkg semantics.
struct PackageResolver: ResourceResolver {
    let kind: ResourceKind = "package"
    let selectorKeys: Set<String> = ["name", "names", "installed"]
    let requiredKeys = [["name", "names"]]
    static let section = "packages"
    static let list = FactPath([section, "packages"])

    func factPaths(_ selector: [String: FactValue]) -> [FactPath] {
        [Self.list.element("name"), Self.list.element("version")]
    }

    func collectionPaths(_ selector: [String: FactValue]) -> [String] { [Self.list.description] }

    func resolve(_ evaluator: ResourceEvaluator) -> CheckEvaluator.Result {
        let check = evaluator.check
        let context = evaluator.context
        guard let packageFacts = evaluator.facts[Self.section] else {
            return evaluator.unknown(
                "package", context.missing(section: Self.section, collectorPrefixes: [Self.section]))
        }
        let entries = packageFacts["packages"]?.arrayValue ?? []
        let wantInstalled = check.selector["installed"]?.boolValue ?? true
        var results: [CheckEvaluator.Result] = []
        for name in evaluator.names() {
            let candidates = context.packageIndex.map { $0[name] ?? [] } ?? entries
            let present = candidates.filter { entry in
                let entryName = entry["name"]?.stringValue ?? ""
                let state = entry["state"]?.stringValue ?? "installed"
                let matchesName = entryName == name || entryName.hasPrefix(name + ":")
                return matchesName && state != "config-files" && state != "not-installed"
            }
            let subject = "package \(name)"
            if present.isEmpty {
                let outcome: Outcome = wantInstalled ? .fail : .pass
                let location = packageFacts["sources"]?.arrayValue?.first?.stringValue
                var result = evaluator.single(
                    subject, expected: wantInstalled ? "installed" : "not installed", found: "not installed",
                    location: location, outcome: outcome,
                    text: EvidenceSentence.package(
                        name: name, version: nil, location: location,
                        requirement: EvidenceSentence.packageRequirement(installed: wantInstalled)))
                // "Not installed" from an empty package database proves nothing.
                if !wantInstalled, entries.isEmpty { result.vacuous = [subject] }
                results.append(result)
                continue
            }
            let entry = present[0]
            let version = entry["version"]
            let found = "installed, version \(version?.display ?? "?")"
            let location = ResourceEvaluator.location(entry)
            if !wantInstalled {
                results.append(
                    evaluator.single(
                        subject, expected: "not installed", found: found, location: location, outcome: .fail,
                        text: EvidenceSentence.package(
                            name: name, version: version ?? .string("?"), location: location,
                            requirement: EvidenceSentence.packageRequirement(installed: false))))
                continue
            }
            let judgement =
                check.matchers.isEmpty
                ? MatcherEvaluator.Judgement(outcome: .pass, expected: "installed")
                : evaluator.matcher.judge(version, check.matchers)
            let requirement =
                check.matchers.isEmpty ? EvidenceSentence.packageRequirement(installed: true) : judgement.requirement
            results.append(
                evaluator.single(
                    subject, expected: judgement.expected, found: found, location: location,
                    outcome: judgement.outcome,
                    text: EvidenceSentence.package(
                        name: name, version: version ?? .string("?"), location: location, requirement: requirement)))
        }
        return evaluator.combined(results)
    }
}
