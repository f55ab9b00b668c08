import CapdoCore

/// How far an information system has deployed the level-2 measures (Mẫu 08), from the verdicts of the Phụ lục II
/// items over its hosts' findings: the same item verdicts as section 4 and the conclusion.
enum DeploymentStatus: Sendable, Equatable {
    /// Every item is met or does not apply.
    case full
    /// Some item is met (or partly met), some is not yet.
    case partial
    /// No item is met, even in part.
    case notDeployed

    /// The status of the system whose hosts are `hosts`, over the items of `controls`.
    init(hosts: [String], findings: [Finding], controls: [ControlItem]) {
        let members = Set(hosts)
        var statuses: [String: [(rule: String, status: FindingStatus)]] = [:]
        for finding in findings where members.contains(finding.host) {
            statuses[finding.requirement.tt12, default: []].append((finding.ruleID, finding.status))
        }
        var settled = true
        var started = false
        for control in controls {
            let ofItem = (statuses[control.reference] ?? []).filter { control.counts($0.rule) }
            let verdict = ItemVerdict.from(statuses: ofItem.map(\.status), coverage: control.coverage)
            settled = settled && verdict.isSettled
            started = started || verdict == .met || verdict == .partlyMet
        }
        self = !started ? .notDeployed : settled ? .full : .partial
    }

    /// The catalogue key of the label.
    var key: ReportString {
        switch self {
        case .full: return .deploymentFull
        case .partial: return .deploymentPartial
        case .notDeployed: return .deploymentNone
        }
    }
}
