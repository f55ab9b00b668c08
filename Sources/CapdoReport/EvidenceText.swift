import CapdoCore

/// The one door through which the documents get a finding's evidence as text: the rows of its evidence table and
/// the one-line proof of a compact row. A renderer of evidence sentences replaces the bodies here, nowhere else.
enum EvidenceText {
    /// One row of a finding's evidence table, unescaped.
    struct Line {
        var subject: String
        var expected: String
        var found: String
        var location: String?
        var outcome: Evidence.Outcome
    }

    static func rows(_ finding: Finding, strings: ReportStrings) -> [Line] {
        finding.evidence.map { item in
            Line(
                subject: item.subject, expected: item.expected, found: item.found, location: item.location,
                outcome: item.outcome)
        }
    }

    /// The reason and proof of a finding in one line (`ReportModel.note`).
    static func note(_ finding: Finding, model: ReportModel) -> String {
        model.note(finding)
    }
}
