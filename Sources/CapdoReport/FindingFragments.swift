import CapdoCore

/// The JSON of what a finding's rule decides — `remediation` through `severity`, and `threshold_source` with
/// `title` — written once per rule and copied into every host's finding: in a fleet report these are most of the
/// bytes, the same for each of thousands of hosts. Each fragment keeps the values it was written from, and a
/// finding whose values differ is written in full, so the bytes never depend on the cache.
struct FindingFragments: Sendable {
    /// One rule's fragments, and the values they were written from.
    struct Fragment: Sendable {
        var remediation: LocalizedText
        var requirement: RequirementRef
        var ruleLocation: String
        var severity: Severity
        var thresholdSource: String
        var title: LocalizedText
        /// `,` newline, then `remediation`, `requirement`, `rule_id`, `rule_location` and `severity`.
        var middle: [UInt8]
        /// `,` newline, then `threshold_source` and `title`.
        var tail: [UInt8]

        /// Whether `finding` (of this fragment's rule) has the values the fragment was written from.
        func matches(_ finding: Finding) -> Bool {
            finding.severity == severity && finding.ruleLocation == ruleLocation
                && finding.thresholdSource == thresholdSource && finding.title == title
                && finding.remediation == remediation && finding.requirement == requirement
        }
    }

    /// Whether the fragments escape `<`, `>`, `&`, U+2028 and U+2029 (`FindingJSON.inert`).
    let inert: Bool
    /// The indentation of the finding objects the fragments belong in.
    let indent: Int
    private var byRule: [String: Fragment] = [:]

    init(inert: Bool, indent: Int) {
        self.inert = inert
        self.indent = indent
    }

    /// Writes the fragments of every rule in `findings` not seen before (from its first finding).
    mutating func learn(_ findings: some Sequence<Finding>) {
        for finding in findings where byRule[finding.ruleID] == nil {
            byRule[finding.ruleID] = FindingJSON.fragment(finding, indent: indent, inert: inert)
        }
    }

    /// The fragment that holds `finding`'s rule values, if there is one.
    func fragment(for finding: Finding) -> Fragment? {
        guard let fragment = byRule[finding.ruleID], fragment.matches(finding) else { return nil }
        return fragment
    }
}
