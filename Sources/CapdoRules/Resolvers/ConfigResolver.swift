import CapdoCore

/// `config: { source: sshd, key: permitrootlogin, in: ["no"] }`: one setting of a configuration source, as
/// `config.<source>.entries.<key>` holds it (an object `{value, file, line}` or a bare scalar).
struct ConfigResolver: ResourceResolver {
    let kind: ResourceKind = "config"
    let selectorKeys: Set<String> = ["source", "key", "default"]
    let requiredKeys = [["source"], ["key"]]
    static let section = "config"

    func factPaths(_ selector: [String: FactValue]) -> [FactPath] {
        [FactPath([Self.section, selector["source"]?.stringValue ?? ""])]
    }

    func resolve(_ evaluator: ResourceEvaluator) -> CheckEvaluator.Result {
        let check = evaluator.check
        let context = evaluator.context
        let source = check.selector["source"]?.stringValue ?? ""
        let key = check.selector["key"]?.stringValue ?? ""
        let subject = "config \(source): \(key)"
        let collector = "config.\(source)"
        guard let section = evaluator.facts[Self.section]?[source] else {
            return evaluator.unknown(subject, context.missing(section: collector, collectorPrefixes: [collector]))
        }
        let entry = section["entries"]?[key]
        var value: FactValue? = entry.flatMap { $0.objectValue != nil ? $0["value"] : $0 }
        var location = entry.flatMap(ResourceEvaluator.location)
        var origin = EvidenceSentence.SettingOrigin.file
        if entry?["default"]?.boolValue == true {
            location = "default"
            origin = .builtInDefault
        }
        if value == nil, let fallback = check.selector["default"] {
            value = fallback
            location = "default (rule)"
            origin = .ruleDefault
        }
        // A built-in default is only the effective value if every file parsed: with a parse error it is unknown.
        let isDefault = entry?["default"]?.boolValue == true || entry == nil
        if isDefault, !context.errors(of: collector).isEmpty {
            return evaluator.unknown(
                subject, .unknown(issues: context.errors(of: collector).map(\.description), error: true))
        }
        if value == nil, let undetermined = section["entries"]?["undetermined.\(key)"] {
            // The parser looked and could not tell (a device it cannot trace): neither set nor unset.
            let what = undetermined["value"]?.stringValue ?? ""
            let place = ResourceEvaluator.location(undetermined) ?? ""
            return evaluator.unknown(subject, .unknown(reason: ReasonText.undetermined(what, at: place), error: false))
        }
        if value == nil {
            // Name where the setting was looked for, so "not set" still points at a file.
            let files = section["files"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let noFile = section["present"]?.boolValue == false || files.isEmpty
            location = noFile ? "no \(source) configuration file" : files.prefix(3).joined(separator: ", ")
            origin = noFile ? .noFile : .notSet(looked: location ?? "")
        }
        return evaluator.judgeValue(subject, value, location: location) { requirement, _ in
            EvidenceSentence.setting(
                source: source, key: key, value: value, origin: origin, location: location, requirement: requirement)
        }
    }
}
