import CapdoCore

/// The `summary` object of the JSON report: counts, group scores and item verdicts (see `JSONReporter`).
public struct JSONReportSummary: Codable, Sendable, Equatable {
    /// One requirement group's score over its items, rounded to one decimal; nil when no item of it applies.
    public struct Group: Codable, Sendable, Equatable {
        public var group: RequirementGroup
        public var score: Double?
        /// The group's items by verdict (`met`, `partly_met`, …), every verdict present.
        public var items: [String: Int]
        public var pass: Int
        public var fail: Int
        public var warn: Int
    }

    /// One Phụ lục II item's verdict.
    public struct Item: Codable, Sendable, Equatable {
        public var section: String
        public var item: String
        public var tcvn11930: String?
        /// True when the clause is inferred from the numbering, not stated by the annex.
        public var tcvn11930Inferred: Bool?
        public var verdict: ItemVerdict
        public var rules: [String]
        /// Each rule with how strongly it covers the item (automated / partial / attestation).
        public var ruleCoverage: [RuleCoverage]
        public var hosts: [String]
        public var counts: [String: Int]

        enum CodingKeys: String, CodingKey {
            case section, item, tcvn11930
            case tcvn11930Inferred = "tcvn11930_inferred"
            case verdict, rules
            case ruleCoverage = "rule_coverage"
            case hosts, counts
        }
    }

    /// The conclusion over the Phụ lục II items: compliant only when every item is met or does not apply.
    public struct Conclusion: Codable, Sendable, Equatable {
        public var compliant: Bool
        public var items: [String: Int]
        /// Items not yet met, what needs action first.
        public var open: [ScanSummary.Conclusion.OpenItem]
    }

    /// Verdict over the checks (decides the exit code); the report's conclusion is `conclusion`.
    public var overall: FindingStatus
    public var conclusion: Conclusion
    public var exitCode: Int32
    public var counts: [String: Int]
    public var groups: [Group]
    public var items: [Item]

    enum CodingKeys: String, CodingKey {
        case overall, conclusion
        case exitCode = "exit_code"
        case counts, groups, items
    }

    public init(_ result: ScanResult) {
        let summary = result.summary
        self.overall = summary.overall
        self.conclusion = Conclusion(
            compliant: summary.conclusion.compliant, items: Self.verdicts(summary.conclusion.counts),
            open: summary.conclusion.open)
        self.exitCode = result.exitCode
        self.counts = Self.counts(summary.counts)
        self.groups = summary.groups.map { score in
            Group(
                group: score.group, score: score.score.map { ($0 * 10).rounded() / 10 },
                items: Self.verdicts(score.items), pass: score.pass,
                fail: score.fail, warn: score.warn)
        }
        self.items = summary.items.map { row in
            Item(
                section: row.control.section, item: row.control.id, tcvn11930: row.control.tcvn11930,
                tcvn11930Inferred: row.control.tcvn11930Inferred ? true : nil, verdict: row.verdict,
                rules: row.control.rules, ruleCoverage: row.ruleCoverage, hosts: row.hosts,
                counts: Self.counts(row.statusCounts))
        }
    }

    /// Every item verdict with its count (zero included), keyed by its raw value.
    private static func verdicts(_ counts: [ItemVerdict: Int]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: ItemVerdict.allCases.map { ($0.rawValue, counts[$0] ?? 0) })
    }

    /// Every status with its count (zero included), keyed by its raw value.
    private static func counts(_ counts: [FindingStatus: Int]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: FindingStatus.allCases.map { ($0.rawValue, counts[$0] ?? 0) })
    }
}
