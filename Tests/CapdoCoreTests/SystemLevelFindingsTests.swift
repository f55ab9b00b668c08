import CapdoCore
import Foundation
import Testing

/// Management items are judged once per information system, host items stay with their host.
@Suite("Management items judged once per information system")
struct SystemLevelFindingsTests {
    static func finding(_ rule: String, _ host: String, _ group: RequirementGroup, _ status: FindingStatus) -> Finding {
        Finding(
            ruleID: rule, host: host, title: LocalizedText(rule),
            requirement: RequirementRef(tt12: "I 1.1.1", tcvn11930: "6.1.1.1"),
            group: group, severity: .high, status: status,
            evidence: [
                Evidence(
                    subject: "evidence 1.1.1", expected: "a document", found: status.rawValue,
                    location: "etc/capdo/evidence/index.yaml:4", outcome: status == .pass ? .pass : .fail)
            ], remediation: LocalizedText("fix"), thresholdSource: "none", ruleLocation: "rules.yaml:1")
    }

    static func host(_ name: String, policy: FindingStatus, plan: FindingStatus) -> HostResult {
        HostResult(
            host: name, root: "/", live: false, collectedAt: Date(timeIntervalSince1970: 0),
            findings: [
                finding("srv.auth.ssh", name, .server, .fail),
                finding("mgmt.policy", name, .management, policy),
                finding("mgmt.plan", name, .management, plan),
            ], issues: [], collectors: [])
    }

    @Test("two hosts: each management item once, for the system, a pass from any host deciding")
    func twoHostsGiveOneSystemResult() {
        let hosts = [
            Self.host("pc-1", policy: .manual, plan: .manual), Self.host("srv-1", policy: .pass, plan: .fail),
        ]
        let separated = SystemLevelFindings.separate(hosts) { _ in "HTTT phường" }
        #expect(separated.map(\.host) == ["pc-1", "srv-1", "HTTT phường"])
        #expect(separated.map(\.isSystem) == [false, false, true])
        #expect(separated[0].findings.map(\.ruleID) == ["srv.auth.ssh"])
        #expect(separated[1].findings.map(\.ruleID) == ["srv.auth.ssh"])
        let system = separated[2]
        #expect(system.members == ["pc-1", "srv-1"])
        let byRule = Dictionary(uniqueKeysWithValues: system.findings.map { ($0.ruleID, $0) })
        #expect(byRule.count == 2)
        #expect(byRule["mgmt.policy"]?.status == .pass)
        #expect(byRule["mgmt.policy"]?.host == "HTTT phường")
        #expect(byRule["mgmt.policy"]?.evidence.first?.location == "srv-1: etc/capdo/evidence/index.yaml:4")
        // No pass: the finding that needs most action (fail before manual).
        #expect(byRule["mgmt.plan"]?.status == .fail)
        // Nothing lost: every non-management finding is still there, every management rule once.
        #expect(separated.flatMap(\.findings).count == 2 + 2)
    }

    @Test("hosts of different systems, and of none, are judged apart")
    func systemsAreJudgedApart() {
        let hosts = [
            Self.host("a", policy: .pass, plan: .pass), Self.host("b", policy: .manual, plan: .manual),
            Self.host("c", policy: .manual, plan: .manual),
        ]
        let separated = SystemLevelFindings.separate(hosts) { $0 == "a" ? "HTTT 1" : nil }
        let systems = separated.filter(\.isSystem)
        #expect(systems.map(\.host) == ["HTTT 1", SystemLevelFindings.unassigned])
        #expect(systems.map(\.members) == [["a"], ["b", "c"]])
        #expect(systems[0].findings.map(\.status) == [.pass, .pass])
        #expect(systems[1].findings.map(\.status) == [.manual, .manual])
    }

    @Test("one host keeps its management findings: its report means what it meant")
    func oneHostIsUnchanged() {
        let hosts = [Self.host("srv-1", policy: .pass, plan: .manual)]
        #expect(SystemLevelFindings.separate(hosts) { _ in "HTTT" } == hosts)
    }

    @Test("the matrix counts each host's findings by status and names the worst severity needing action")
    func matrixCountsStatuses() {
        var host = Self.host("pc-1", policy: .manual, plan: .pass)
        host.findings[0].severity = .medium
        let row = HostStatusMatrix.row(host)
        #expect(row.count(.fail) == 1)
        #expect(row.count(.manual) == 1)
        #expect(row.count(.pass) == 1)
        #expect(row.worstSeverity == .medium)
        #expect(HostStatusMatrix.row(Self.host("pc-2", policy: .pass, plan: .pass)).worstSeverity == .high)
        var clean = Self.host("pc-3", policy: .pass, plan: .pass)
        clean.findings[0].status = .pass
        #expect(HostStatusMatrix.row(clean).worstSeverity == nil)
    }
}
