/// Counts and scores derived from a `ScanResult`, shared by every reporter and the terminal summary.
public struct ScanSummary: Sendable, Equatable {
    /// A requirement group's Phụ lục II items, counted by verdict, and the score they give.
    public struct GroupScore: Sendable, Equatable {
        public var group: RequirementGroup
        /// (met + ½ partly met) / items that apply × 100: items awaiting attestation or not assessed count as not
        /// (yet) proven. Nil when no item of the group was judged at all (none met, partly met or not met).
        public var score: Double?
        /// Items of the group by verdict.
        public var items: [ItemVerdict: Int]
        /// Findings of the group that passed, failed or warned (the checks behind the items).
        public var pass: Int
        public var fail: Int
        public var warn: Int
    }

    /// The report's conclusion, computed over the Phụ lục II items (not over single checks).
    public struct Conclusion: Sendable, Equatable {
        /// An item not yet met: `II.2 1.2.1` with its verdict (also the JSON report's shape).
        public struct OpenItem: Codable, Sendable, Equatable {
            public var item: String
            public var verdict: ItemVerdict
        }

        /// Items by verdict.
        public var counts: [ItemVerdict: Int]
        /// Items that are neither met nor truly not applicable, in order of need (not met first).
        public var open: [OpenItem]
        /// True only when every item is met (waivers included) or does not apply.
        public var compliant: Bool { open.isEmpty && (counts.values.reduce(0, +) > 0) }
    }

    /// One Phụ lục II item: its verdict and findings. The findings stay in the scan's list (a fleet's item rows
    /// would otherwise copy a million findings); they are copied out only when a reporter lists them.
    public struct ItemRow: Sendable, Equatable {
        public var control: ControlItem
        public var verdict: ItemVerdict
        /// The scan's findings in report order, and the positions of this item's among them.
        private let all: FindingsInReportOrder
        private let positions: [Int]

        init(control: ControlItem, all: FindingsInReportOrder, positions: [Int]) {
            self.control = control
            self.all = all
            self.positions = positions
            verdict = ItemVerdict.from(statuses: positions.map { all.status(at: $0) }, coverage: control.coverage)
        }

        /// The item's findings, in report order.
        public var findings: [Finding] { positions.map { all[$0] } }

        /// The item's rules and how strongly each covers it (the controls file, with `manual` rules as attestation).
        public var ruleCoverage: [RuleCoverage] { control.ruleCoverage }

        /// How many of the item's findings have each status.
        public var statusCounts: [FindingStatus: Int] {
            var counts: [FindingStatus: Int] = [:]
            for position in positions { counts[all.status(at: position), default: 0] += 1 }
            return counts
        }

        /// The hosts with findings in the item, sorted, each once.
        public var hosts: [String] { Array(Set(positions.map { all[$0].host })).sorted() }

        public static func == (lhs: ItemRow, rhs: ItemRow) -> Bool {
            lhs.control == rhs.control && lhs.verdict == rhs.verdict && lhs.findings == rhs.findings
        }
    }

    public var counts: [FindingStatus: Int]
    public var groups: [GroupScore]
    public var items: [ItemRow]
    /// Verdict over the checks, which decides the exit code: `fail` if anything fails, else `warn` if anything warns
    /// or errs, else `pass`. The report's conclusion is `conclusion`, over the items.
    public var overall: FindingStatus
    /// The conclusion over the Phụ lục II items.
    public var conclusion: Conclusion

    public init(_ result: ScanResult) {
        let findings = result.findingsInReportOrder
        // One pass counts everything; items hold positions, their findings are copied out only when listed.
        var counts: [FindingStatus: Int] = [:]
        for status in FindingStatus.allCases { counts[status] = 0 }
        var tallies: [RequirementGroup: (pass: Int, fail: Int, warn: Int)] = [:]
        var byItem: [String: [Int]] = [:]
        // Findings come rule by rule, so runs share one item: the dictionary is touched once per run.
        var runItem: String?
        var run: [Int] = []
        for index in findings.indices {
            let finding = findings[index]
            counts[finding.status, default: 0] += 1
            switch finding.status {
            case .pass: tallies[finding.group, default: (0, 0, 0)].pass += 1
            case .fail: tallies[finding.group, default: (0, 0, 0)].fail += 1
            case .warn: tallies[finding.group, default: (0, 0, 0)].warn += 1
            default: break
            }
            let item = finding.requirement.tt12
            if item != runItem {
                if let runItem { byItem[runItem, default: []].append(contentsOf: run) }
                runItem = item
                run.removeAll(keepingCapacity: true)
            }
            run.append(index)
        }
        if let runItem { byItem[runItem, default: []].append(contentsOf: run) }
        self.counts = counts

        let items = result.controls.map { control in
            let positions = (byItem[control.reference] ?? []).filter { control.counts(findings[$0].ruleID) }
            return ItemRow(control: control, all: findings, positions: positions)
        }
        self.items = items

        self.groups = RequirementGroup.allCases.map { group in
            let (pass, fail, warn) = tallies[group] ?? (0, 0, 0)
            var verdicts: [ItemVerdict: Int] = [:]
            for row in items where row.control.group == group { verdicts[row.verdict, default: 0] += 1 }
            let applicable = verdicts.filter { $0.key != .notApplicable }.values.reduce(0, +)
            let proven = Double(verdicts[.met] ?? 0) + 0.5 * Double(verdicts[.partlyMet] ?? 0)
            let judged = (verdicts[.met] ?? 0) + (verdicts[.partlyMet] ?? 0) + (verdicts[.notMet] ?? 0)
            return GroupScore(
                group: group, score: judged == 0 ? nil : proven / Double(applicable) * 100, items: verdicts,
                pass: pass, fail: fail, warn: warn)
        }

        var verdictCounts: [ItemVerdict: Int] = [:]
        for row in items { verdictCounts[row.verdict, default: 0] += 1 }
        let open = items.enumerated().filter { !$0.element.verdict.isSettled }
            .sorted { ($0.element.verdict.rank, $0.offset) < ($1.element.verdict.rank, $1.offset) }
            .map { Conclusion.OpenItem(item: $0.element.control.reference, verdict: $0.element.verdict) }
        self.conclusion = Conclusion(counts: verdictCounts, open: open)

        if (counts[.fail] ?? 0) > 0 {
            overall = .fail
        } else if (counts[.warn] ?? 0) > 0 || (counts[.error] ?? 0) > 0 {
            overall = .warn
        } else {
            overall = .pass
        }
    }
}
