import CapdoCore
import Testing

@testable import CapdoReport

/// The Mẫu 08 per-system table in section 3 of the Markdown and HTML reports.
@Suite("Per-system summary")
struct InformationSystemSummaryTests {
    static func scanWithSystems() -> ScanResult {
        var scan = ReportFixture.scan()
        scan.systems = [
            InformationSystemSummary(
                name: "Cổng thông tin | phường", owner: "UBND phường Lê Chân", operator: "Phòng VH-XH", level: 2,
                hosts: [ReportFixture.server, ReportFixture.workstation]),
            InformationSystemSummary(name: "Hệ thống <dự phòng>", level: 2, hosts: ["khong-co-may"]),
        ]
        return scan
    }

    @Test(arguments: ["md", "html"])
    func tableFollowsTheGroupScores(format: String) throws {
        let reporter = try #require(Reporters.reporter(for: format))
        let text = reporter.render(Self.scanWithSystems(), language: .vi)
        let scores = try #require(text.range(of: "Điểm đáp ứng theo nhóm yêu cầu"))
        let table = try #require(text.range(of: "Tình hình triển khai theo hệ thống thông tin"))
        let items = try #require(text.range(of: "3. Việc cần khắc phục theo từng máy", options: .backwards))
        #expect(scores.upperBound < table.lowerBound && table.upperBound < items.lowerBound)
        for header in ["Hệ thống", "Chủ quản", "Đơn vị vận hành", "Cấp độ", "Số máy", "Trạng thái triển khai"] {
            #expect(text.contains(header))
        }
        #expect(text.contains("Đã triển khai một số hạng mục"))
        #expect(text.contains("Chưa triển khai"))
        #expect(!text.contains("<dự phòng>"), "system name not escaped")
        let english = reporter.render(Self.scanWithSystems(), language: .en)
        #expect(english.contains("Deployment status") && english.contains("Partly deployed"))
    }

    /// The Mẫu 08 status follows the item verdicts of section 4 over the system's hosts, not single checks: a system
    /// whose checks all pass but whose attestations are missing is not fully deployed.
    @Test func statusComesFromTheItemVerdicts() {
        let scan = ReportFixture.scan()
        let findings = scan.allFindings
        let controls = scan.controls
        let server = [ReportFixture.server]
        #expect(DeploymentStatus(hosts: server, findings: findings, controls: controls) == .partial)
        let itemsOfServer = Set(findings.filter { $0.host == ReportFixture.server }.map(\.requirement.tt12))
        let covered = controls.filter { itemsOfServer.contains($0.section + " " + $0.id) }.map { control in
            var control = control
            control.coverage = .automated  // a partial item is met only in part, even when its checks pass
            return control
        }
        let allPass = findings.filter { $0.host == ReportFixture.server }.map { finding in
            var finding = finding
            finding.status = .pass
            return finding
        }
        #expect(DeploymentStatus(hosts: server, findings: allPass, controls: covered) == .full)
        let attestations = allPass.map { finding in
            var finding = finding
            finding.status = .manual
            return finding
        }
        #expect(DeploymentStatus(hosts: server, findings: attestations, controls: covered) == .notDeployed)
        var mixed = allPass
        mixed[0].status = .manual
        #expect(DeploymentStatus(hosts: server, findings: mixed, controls: covered) == .partial)
        #expect(DeploymentStatus(hosts: ["unknown"], findings: findings, controls: controls) == .notDeployed)
    }

    @Test(arguments: ["md", "html", "json"])
    func withoutSystemsNothingChanges(format: String) throws {
        let reporter = try #require(Reporters.reporter(for: format))
        let text = reporter.render(ReportFixture.scan(), language: .vi)
        #expect(!text.contains("Tình hình triển khai"))
        #expect(!text.contains("\"systems\""))
    }
}
