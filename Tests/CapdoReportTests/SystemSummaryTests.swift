import CapdoCore
import Testing

@testable import CapdoReport

/// The Mẫu 08 per-system table in section 3 of the Markdown and HTML reports.
@Suite("Per-system summary")
struct SystemSummaryTests {
    static func scanWithSystems() -> ScanResult {
        var scan = ReportFixture.scan()
        scan.systems = [
            SystemSummary(
                name: "Cổng thông tin | phường", owner: "UBND phường Lê Chân", operator: "Phòng VH-XH", level: 2,
                hosts: [ReportFixture.server, ReportFixture.workstation]),
            SystemSummary(name: "Hệ thống <dự phòng>", level: 2, hosts: ["khong-co-may"]),
        ]
        return scan
    }

    @Test(arguments: ["md", "html"])
    func tableFollowsTheGroupScores(format: String) throws {
        let reporter = try #require(Reporters.reporter(for: format))
        let text = reporter.render(Self.scanWithSystems(), language: .vi)
        let scores = try #require(text.range(of: "Điểm đáp ứng theo nhóm yêu cầu"))
        let table = try #require(text.range(of: "Tình hình triển khai theo hệ thống thông tin"))
        let items = try #require(text.range(of: "4. Mức đáp ứng theo từng yêu cầu"))
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

    @Test func statusComesFromTheHostsAutomatedFindings() {
        let findings = ReportFixture.scan().allFindings
        let server = [ReportFixture.server]
        #expect(DeploymentStatus(hosts: server, findings: findings) == .partial)
        let passing = findings.filter { $0.status == .pass || $0.status == .manual }
        #expect(DeploymentStatus(hosts: server, findings: passing) == .full)
        let failing = findings.filter { $0.status == .fail || $0.status == .notApplicable }
        #expect(DeploymentStatus(hosts: server, findings: failing) == .notDeployed)
        #expect(DeploymentStatus(hosts: ["unknown"], findings: findings) == .notDeployed)
    }

    @Test(arguments: ["md", "html", "json"])
    func withoutSystemsNothingChanges(format: String) throws {
        let reporter = try #require(Reporters.reporter(for: format))
        let text = reporter.render(ReportFixture.scan(), language: .vi)
        #expect(!text.contains("Tình hình triển khai"))
        #expect(!text.contains("\"systems\""))
    }
}
