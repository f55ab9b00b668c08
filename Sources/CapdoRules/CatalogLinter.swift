import CapdoCore

/// Cross-file checks of a catalogue: profile variables exist, controls and rules agree.
public enum CatalogLinter {
    public static func lint(_ catalog: RuleCatalog, profileID: String = "level2") -> [String] {
        var problems = catalog.problems.map(\.description)
        guard let profile = catalog.profile(profileID) else {
            return problems + ["Rules/profiles: profile '\(profileID)' not found"]
        }
        // Text is final text: once the profile's values are filled in, no title, description or remediation may
        // still hold a `${…}` (an undefined or misspelt variable would reach the report as it is).
        let engine = RuleEngine(profile: profile, now: RuleExampleRunner.exampleTime)
        for rule in catalog.rules where rule.textRefersToVariables {
            let text = engine.rendered(rule)
            let leftovers = [text.title, text.remediation, text.description ?? LocalizedText(vi: "", en: "")]
                .flatMap { [$0.vi, $0.en] }.filter { $0.contains("${") }
            if let first = leftovers.first {
                problems.append(
                    "\(rule.location): rule '\(rule.id)': text still holds a variable after the profile's values are "
                        + "filled in: '\(first)'")
            }
        }
        let known = Set(catalog.rules.map(\.id))
        for rule in catalog.rules {
            for name in variables(in: rule) where profile.variables[name] == nil {
                problems.append(
                    "\(rule.location): rule '\(rule.id)': profile '\(profileID)' does not define variable '\(name)'")
            }
        }
        let listed = Dictionary(
            grouping: catalog.controls.flatMap { control in control.rules.map { ($0, control) } }, by: \.0)
        for control in catalog.controls {
            for id in control.rules where !known.contains(id) {
                problems.append("Rules/controls: item '\(control.reference)' lists unknown rule '\(id)'")
            }
        }
        if !catalog.controls.isEmpty {
            for rule in catalog.rules {
                guard let entries = listed[rule.id] else {
                    problems.append("\(rule.location): rule '\(rule.id)' is not listed in any control item")
                    continue
                }
                if !entries.contains(where: { $0.1.reference == rule.requirement.tt12 }) {
                    problems.append(
                        "\(rule.location): rule '\(rule.id)': requirement.tt12 '\(rule.requirement.tt12)' does not match the control item listing it"
                    )
                }
            }
        }
        return problems
    }

    /// Names of `${…}` variables a rule uses.
    static func variables(in rule: Rule) -> Set<String> {
        var names: Set<String> = []
        func scan(_ value: FactValue) {
            switch value {
            case .string(let text):
                var rest = Substring(text)
                while let start = rest.range(of: "${"), let end = rest[start.upperBound...].firstIndex(of: "}") {
                    names.insert(String(rest[start.upperBound..<end]))
                    rest = rest[rest.index(after: end)...]
                }
            case .array(let items): items.forEach(scan)
            case .object(let members): members.values.forEach(scan)
            default: break
            }
        }
        func walk(_ check: Check) {
            switch check {
            case .all(let checks), .any(let checks), .none(let checks): checks.forEach(walk)
            case .resource(let resource):
                resource.selector.values.forEach(scan)
                func matchers(_ list: [Matcher]) {
                    for matcher in list {
                        scan(matcher.operand)
                        matchers(matcher.nested)
                    }
                }
                matchers(resource.matchers)
            }
        }
        walk(rule.check)
        rule.applies.map(walk)
        rule.warnUnless.map(walk)
        return names
    }
}
