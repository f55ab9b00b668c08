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
        // One pass counts everything; items hold indices until their findings are copied out once.
        var counts: [FindingStatus: Int] = [:]
        for status in FindingStatus.allCases { counts[status] = 0 }
        var tallies: [RequirementGroup: (pass: Int, fail: Int, warn: Int)] = [:]
        var byItem: [String: [Int]] = [:]
        for (index, finding) in findings.enumerated() {
            counts[finding.status, default: 0] += 1
            switch finding.status {
            case .pass: tallies[finding.group, default: (0, 0, 0)].pass += 1
            case .fail: tallies[finding.group, default: (0, 0, 0)].fail += 1
            case .warn: tallies[finding.group, default: (0, 0, 0)].warn += 1
            default: break
            }
            byItem[finding.requirement.tt12, default: []].append(index)
        }
        self.counts = counts

        self.groups = RequirementGroup.allCases.map { group in
            let (pass, fail, warn) = tallies[group] ?? (0, 0, 0)
            let judged = pass + fail + warn
            let score = judged == 0 ? nil : (Double(pass) + 0.5 * Double(warn)) / Double(judged) * 100
            return GroupScore(group: group, score: score, pass: pass, fail: fail, warn: warn)
        }

        self.items = result.controls.map { control in
            let key = control.section + " " + control.id
            let found = (byItem[key] ?? []).lazy.map { findings[$0] }
                .filter { control.rules.isEmpty || control.rules.contains($0.ruleID) }
            let rows = Array(found)
            let verdict = ItemVerdict.from(statuses: rows.map(\.status), coverage: control.coverage)
            return ItemRow(control: control, verdict: verdict, findings: rows)
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
