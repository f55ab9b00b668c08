/// Counts and scores derived from a `ScanResult`, shared by every reporter and the terminal summary.
public struct ScanSummary: Sendable, Equatable {
    public struct GroupScore: Sendable, Equatable {
        public var group: RequirementGroup
        /// 0…100, or nil when nothing in the group was judged.
        public var score: Double?
        public var pass: Int
        public var fail: Int
        public var warn: Int
    }

    public struct ItemRow: Sendable, Equatable {
        public var control: ControlItem
        public var verdict: ItemVerdict
        public var findings: [Finding]
    }

    public var counts: [FindingStatus: Int]
    public var groups: [GroupScore]
    public var items: [ItemRow]
    /// Overall verdict: `fail` if anything fails, else `warn` if anything warns or errs, else `pass`.
    public var overall: FindingStatus

    public init(_ result: ScanResult) {
        let findings = result.allFindings
        var counts: [FindingStatus: Int] = [:]
        for status in FindingStatus.allCases { counts[status] = 0 }
        for finding in findings { counts[finding.status, default: 0] += 1 }
        self.counts = counts

        self.groups = RequirementGroup.allCases.map { group in
            let inGroup = findings.filter { $0.group == group }
            let pass = inGroup.filter { $0.status == .pass }.count
            let fail = inGroup.filter { $0.status == .fail }.count
            let warn = inGroup.filter { $0.status == .warn }.count
            let judged = pass + fail + warn
            let score = judged == 0 ? nil : (Double(pass) + 0.5 * Double(warn)) / Double(judged) * 100
            return GroupScore(group: group, score: score, pass: pass, fail: fail, warn: warn)
        }

        var byItem: [String: [Finding]] = [:]
        for finding in findings { byItem[finding.requirement.tt12, default: []].append(finding) }
        self.items = result.controls.map { control in
            let key = control.section + " " + control.id
            let found = (byItem[key] ?? []).filter { control.rules.isEmpty || control.rules.contains($0.ruleID) }
            let verdict = ItemVerdict.from(statuses: found.map(\.status), coverage: control.coverage)
            return ItemRow(control: control, verdict: verdict, findings: found)
        }

        if (counts[.fail] ?? 0) > 0 {
            overall = .fail
        } else if (counts[.warn] ?? 0) > 0 || (counts[.error] ?? 0) > 0 {
            overall = .warn
        } else {
            overall = .pass
        }
    }
}
