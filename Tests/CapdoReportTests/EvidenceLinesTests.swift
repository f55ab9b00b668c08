import CapdoCore
import Testing

@testable import CapdoReport

/// A finding's evidence as report lines: options of an `any:` grouped, the deciding one marked, no row that reads as
/// a contradiction of the verdict.
@Suite("Evidence lines")
struct EvidenceLinesTests {
    static func row(_ text: String, _ outcome: Evidence.Outcome, _ alternative: EvidenceAlternative? = nil) -> Evidence
    {
        Evidence(
            subject: "s", expected: "e", found: "f", outcome: outcome, text: LocalizedText(vi: "vi \(text)", en: text),
            alternative: alternative)
    }

    static func finding(_ status: FindingStatus, _ evidence: [Evidence]) -> Finding {
        Finding(
            ruleID: "srv.auth.password_min_length", host: "h", title: LocalizedText("t"),
            requirement: RequirementRef(tt12: "II.2 1.2.1", tcvn11930: "6.2.2.1"), group: .server, severity: .high,
            status: status, evidence: evidence, remediation: LocalizedText("r"), thresholdSource: "none",
            ruleLocation: "r.yaml:1")
    }

    /// The reported case: `pam_pwquality.minlen ≥ 8 ✗` beside `minlen 8 (default) ✓` in a failed finding.
    @Test func failedGroupShowsNoPassAtOptionLevel() {
        let failed = Self.finding(
            .fail,
            [
                Self.row(
                    "pam_pwquality.minlen not set", .fail, .init(group: 1, option: 1, outcome: .fail, decided: false)),
                Self.row("pam_pwquality not set", .fail, .init(group: 1, option: 2, outcome: .fail, decided: false)),
                Self.row("minlen 8 by default", .pass, .init(group: 1, option: 2, outcome: .fail, decided: false)),
                Self.row("pam_unix.minlen not set", .fail, .init(group: 1, option: 3, outcome: .fail, decided: false)),
            ])
        let lines = EvidenceLines.lines(failed, language: .en)
        #expect(lines.map(\.kind) == [.alternatives, .option, .option, .check, .check, .option])
        #expect(lines[0].text == "Passes when one of the following holds:")
        #expect(lines[1].text == "Option 1: pam_pwquality.minlen not set")
        #expect(lines[2].text == "Option 2 — all of the following:")
        #expect(lines.filter { $0.depth < 2 }.allSatisfy { $0.outcome != .pass })
        #expect(lines.filter { $0.outcome == .pass }.allSatisfy { $0.depth == 2 })
        #expect(lines.allSatisfy { !$0.decided })
        let vi = EvidenceLines.lines(failed, language: .vi)
        #expect(vi[0].text == "Đạt khi có một trong các cách sau:")
        #expect(vi[2].text == "Cách 2 — cần đủ các điều kiện sau:")
    }

    @Test func decidingOptionIsMarked() {
        let passed = Self.finding(
            .pass,
            [
                Self.row("outside", .pass),
                Self.row("first", .fail, .init(group: 1, option: 1, outcome: .fail, decided: false)),
                Self.row("second", .pass, .init(group: 1, option: 2, outcome: .pass, decided: true)),
                Self.row("third", .pass, .init(group: 1, option: 3, outcome: .pass, decided: false)),
            ])
        let lines = EvidenceLines.lines(passed, language: .vi)
        #expect(lines.count == 5)
        #expect(lines[0] == EvidenceLine(kind: .check, text: "vi outside", outcome: .pass, depth: 0))
        #expect(lines.filter(\.decided).map(\.text) == ["Cách 2: vi second (cách này quyết định kết quả)"])
        // The short note keeps the deciding option only.
        #expect(EvidenceLines.brief(passed, language: .en) == ["outside", "second"])
    }

    /// Two groups side by side (a check's and its warn_unless's) stay two groups.
    @Test func adjacentGroupsStaySeparate() {
        let warned = Self.finding(
            .warn,
            [
                Self.row("a", .pass, .init(group: 1, option: 1, outcome: .pass, decided: true)),
                Self.row("b", .fail, .init(group: 2, option: 1, outcome: .fail, decided: false)),
            ])
        #expect(EvidenceLines.lines(warned, language: .en).filter { $0.kind == .alternatives }.count == 2)
    }

    /// Evidence recorded before sentences existed (history, old JSON) reads as notation.
    @Test func rowWithoutSentenceFallsBack() {
        let old = Evidence(subject: "config sshd: x", expected: "= no", found: "yes", location: "f:1", outcome: .fail)
        #expect(EvidenceLines.sentence(old, .en) == "config sshd: x: expected = no, found yes (f:1)")
        #expect(EvidenceLines.sentence(old, .vi) == "config sshd: x: yêu cầu = no, thực tế yes (f:1)")
    }

    /// English counts agree with their noun; Vietnamese templates are untouched.
    @Test(arguments: [("1", "1 host", "1 rule"), ("2", "2 hosts", "2 rules"), ("0", "0 hosts", "0 rules")])
    func pluralTemplates(_ count: String, _ hosts: String, _ rules: String) {
        let english = ReportStrings(.en)
        #expect(english.format(.hostsCount, count) == hosts)
        #expect(english.format(.ruleCount, count) == rules)
        #expect(ReportStrings(.vi).format(.hostsCount, count) == "\(count) máy")
        #expect(
            english.format(.recommendExpired, count).hasPrefix(
                count == "1"
                    ? "Review the 1 expired waiver: renew it" : "Review the \(count) expired waivers: renew them"))
    }

    @Test func thresholdSourcesInWords() {
        #expect(ReportStrings(.vi).thresholdSource("none") == "Không có ngưỡng số (quy tắc kiểm tra có/không)")
        #expect(ReportStrings(.en).thresholdSource("TT09-NHNN").hasPrefix("Circular 09/2020/TT-NHNN"))
        #expect(ReportStrings(.en).thresholdSource("ND13") == "ND13")
    }
}
