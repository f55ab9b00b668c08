import CapdoCore

/// How far an information system has deployed the level-2 measures, from its hosts' automated findings (Mẫu 08).
enum DeploymentStatus: Sendable, Equatable {
    /// Something passed and nothing failed, warned or errored.
    case full
    /// Some checks passed and some failed, warned or errored.
    case partial
    /// Nothing passed.
    case notDeployed

    /// The status of the system whose hosts are `hosts`, judged on the pass/fail/warn/error findings of `findings`.
    init(hosts: [String], findings: [Finding]) {
        let members = Set(hosts)
        var passed = false
        var missing = false
        for finding in findings where members.contains(finding.host) {
            switch finding.status {
            case .pass: passed = true
            case .fail, .warn, .error: missing = true
            case .notApplicable, .notAssessed, .manual, .waived: continue
            }
        }
        self = !passed ? .notDeployed : missing ? .partial : .full
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
