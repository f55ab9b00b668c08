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

    /// One Phụ lục II item: its verdict and findings. The findings stay in the scan's list (a fleet's item rows
    /// would otherwise copy a million findings); they are copied out only when a reporter lists them.
    public struct ItemRow: Sendable, Equatable {
        public var control: ControlItem
        public var verdict: ItemVerdict
        /// The scan's findings in report order, and the positions of this item's among them.
        private let all: [Finding]
        private let positions: [Int]

        init(control: ControlItem, all: [Finding], positions: [Int]) {
            self.control = control
            self.all = all
            self.positions = positions
            verdict = all.withUnsafeBufferPointer { all in
                ItemVerdict.from(statuses: positions.map { all[$0].status }, coverage: control.coverage)
            }
        }

        /// The item's findings, in report order.
        public var findings: [Finding] { positions.map { all[$0] } }

        /// How many of the item's findings have each status.
        public var statusCounts: [FindingStatus: Int] {
            all.withUnsafeBufferPointer { all in
                var counts: [FindingStatus: Int] = [:]
                for position in positions { counts[all[position].status, default: 0] += 1 }
                return counts
            }
        }

        /// The hosts with findings in the item, sorted, each once.
        public var hosts: [String] {
            all.withUnsafeBufferPointer { all in Array(Set(positions.map { all[$0].host })).sorted() }
        }

        public static func == (lhs: ItemRow, rhs: ItemRow) -> Bool {
            lhs.control == rhs.control && lhs.verdict == rhs.verdict && lhs.findings == rhs.findings
        }
    }

    public var counts: [FindingStatus: Int]
    public var groups: [GroupScore]
    public var items: [ItemRow]
    /// Overall verdict: `fail` if anything fails, else `warn` if anything warns or errs, else `pass`.
    public var overall: FindingStatus

    public init(_ result: ScanResult) {
        let findings = result.allFindings
        // One pass counts everything; items hold positions, their findings are copied out only when listed.
        var counts: [FindingStatus: Int] = [:]
        for status in FindingStatus.allCases { counts[status] = 0 }
        var tallies: [RequirementGroup: (pass: Int, fail: Int, warn: Int)] = [:]
        var byItem: [String: [Int]] = [:]
        findings.withUnsafeBufferPointer { findings in
            // Findings come rule by rule, so runs share one item: the dictionary is touched once per run.
            var runItem: String?
            var run: [Int] = []
            for index in findings.indices {
                let status = findings[index].status
                counts[status, default: 0] += 1
                switch status {
                case .pass: tallies[findings[index].group, default: (0, 0, 0)].pass += 1
                case .fail: tallies[findings[index].group, default: (0, 0, 0)].fail += 1
                case .warn: tallies[findings[index].group, default: (0, 0, 0)].warn += 1
                default: break
                }
                let item = findings[index].requirement.tt12
                if item != runItem {
                    if let runItem { byItem[runItem, default: []].append(contentsOf: run) }
                    runItem = item
                    run.removeAll(keepingCapacity: true)
                }
                run.append(index)
            }
            if let runItem { byItem[runItem, default: []].append(contentsOf: run) }
        }
        self.counts = counts

        self.groups = RequirementGroup.allCases.map { group in
            let (pass, fail, warn) = tallies[group] ?? (0, 0, 0)
            let judged = pass + fail + warn
            let score = judged == 0 ? nil : (Double(pass) + 0.5 * Double(warn)) / Double(judged) * 100
            return GroupScore(group: group, score: score, pass: pass, fail: fail, warn: warn)
        }

        self.items = findings.withUnsafeBufferPointer { buffer in
            result.controls.map { control in
                let key = control.section + " " + control.id
                let positions = (byItem[key] ?? []).filter {
                    control.rules.isEmpty || control.rules.contains(buffer[$0].ruleID)
                }
                return ItemRow(control: control, all: findings, positions: positions)
            }
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
