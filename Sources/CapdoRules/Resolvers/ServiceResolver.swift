import CapdoCore

/// `service: { name: auditd, enabled: true, active: true }`: systemd units by name (`.service` added when the name
/// has no suffix); without a live state, `active` is judged by the enablement and the evidence says so.
struct ServiceResolver: ResourceResolver {
    let kind: ResourceKind = "service"
    let selectorKeys: Set<String> = ["name", "names", "enabled", "active"]
    let requiredKeys = [["name", "names"]]
    static let section = "services"

    func factPaths(_ selector: [String: FactValue]) -> [FactPath] {
        [FactPath([Self.section, "units", FactPath.anyKey, "enabled"])]
    }

    func resolve(_ evaluator: ResourceEvaluator) -> CheckEvaluator.Result {
        let check = evaluator.check
        guard let serviceFacts = evaluator.facts[Self.section] else {
            return evaluator.unknown(
                "service", evaluator.context.missing(section: Self.section, collectorPrefixes: [Self.section]))
        }
        let units = serviceFacts["units"]
        var results: [CheckEvaluator.Result] = []
        for rawName in evaluator.names() {
            let name = rawName.contains(".") ? rawName : rawName + ".service"
            let unit = units?[name]
            let enabled = unit?["enabled"]?.boolValue ?? false
            let masked = unit?["masked"]?.boolValue ?? false
            let activeState = unit?["active"]?.stringValue
            var outcomes: [Outcome] = []
            var expected: [String] = []
            var found: [String] = []
            var judgedByEnablement = false
            if unit == nil {
                found.append("no such unit")
            } else {
                found.append(enabled ? "enabled" : (masked ? "masked" : "not enabled"))
                if let activeState { found.append(activeState) }
            }
            if let wantEnabled = check.selector["enabled"]?.boolValue {
                outcomes.append(enabled == wantEnabled ? .pass : .fail)
                expected.append(wantEnabled ? "enabled" : "not enabled")
            }
            if let wantActive = check.selector["active"]?.boolValue {
                let isActive: Bool
                if let activeState {
                    isActive = activeState == "active"
                } else {
                    isActive = enabled
                    found.append("active state unknown (offline scan): judged by enablement")
                    judgedByEnablement = true
                }
                outcomes.append(isActive == wantActive ? .pass : .fail)
                expected.append(wantActive ? "active" : "not active")
            }
            if outcomes.isEmpty {
                outcomes.append(unit != nil && !masked ? .pass : .fail)
                expected.append("present")
            }
            let location =
                unit?["enabled_by"]?.arrayValue?.first?.stringValue ?? unit?["unit_file"]?.stringValue
                ?? "etc/systemd/system (no unit file or enablement link for \(name))"
            let state: EvidenceSentence.UnitState =
                unit == nil ? .missing : enabled ? .enabled : masked ? .masked : .notEnabled
            let text = EvidenceSentence.service(
                name: name, state: state, active: activeState, judgedByEnablement: judgedByEnablement,
                location: unit == nil ? nil : location,
                requirement: EvidenceSentence.serviceRequirement(
                    enabled: check.selector["enabled"]?.boolValue, active: check.selector["active"]?.boolValue))
            results.append(
                evaluator.single(
                    "service \(name)", expected: expected.joined(separator: " and "),
                    found: found.joined(separator: ", "), location: location, outcome: .all(outcomes), text: text))
        }
        return evaluator.combined(results)
    }
}
