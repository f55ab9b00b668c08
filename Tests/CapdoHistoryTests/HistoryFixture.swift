import CapdoCore
import CapdoHistory
import Foundation

/// Small scan results and temporary databases for the history tests.
enum HistoryFixture {
    static func temporaryDatabase() -> String {
        let folder = NSTemporaryDirectory() + "capdo-history-" + UUID().uuidString
        return folder + "/history.sqlite"
    }

    static func finding(_ rule: String, host: String, _ status: FindingStatus, found: String = "x") -> Finding {
        Finding(
            ruleID: rule, host: host, title: LocalizedText(vi: "Tiêu đề \(rule)", en: "Title \(rule)"),
            requirement: RequirementRef(tt12: "PL II II.2 1.2.2", tcvn11930: "6.2.2.2"), group: .server,
            severity: .high, status: status,
            evidence: [
                Evidence(
                    subject: "fact \(rule)", expected: "ok", found: found, location: "etc/x:1",
                    outcome: status == .pass ? .pass : .fail)
            ],
            remediation: LocalizedText("fix"), thresholdSource: "proposal", ruleLocation: "Rules/x.yaml:1")
    }

    static func result(_ hosts: [String: [Finding]], at time: TimeInterval) -> ScanResult {
        let date = Date(timeIntervalSince1970: time)
        return ScanResult(
            scanner: ScannerInfo(name: "capdo", version: "test"), startedAt: date, finishedAt: date,
            organisation: Organisation(name: "UBND phường", system: "HTTT nội bộ"),
            profile: ProfileInfo(id: "level2", title: LocalizedText("Cấp độ 2"), variables: []),
            ruleSet: RuleSetInfo(version: "1", ruleCount: 3, digest: "abc"),
            hosts: hosts.keys.sorted().map { name in
                HostResult(
                    host: name, root: "/", live: false, collectedAt: date, findings: hosts[name]!, issues: [],
                    collectors: [])
            }, controls: [], waivers: [])
    }

    static func entry(_ result: ScanResult, inventory: HostInventory = HostInventory()) -> HistoryEntry {
        HistoryEntry(
            command: "evaluate", result: result,
            hosts: result.hosts.map { _ in HistoryEntry.HostExtras(factsDigest: "d", inventory: inventory) })
    }
}
