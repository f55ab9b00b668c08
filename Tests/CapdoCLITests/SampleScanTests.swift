import CapdoCore
import Foundation
import Testing

/// End-to-end: the real binary scanning the sample hosts, as IT staff and the example-report script do.
@Suite("capdo scan on the sample hosts", .serialized)
struct SampleScanTests {
    static let now = "2026-11-28T09:00:00Z"

    func scan(_ sample: SampleRoot, _ extra: [String] = []) throws -> (CapdoProcess.Result, ScanResult?, String) {
        let output = NSTemporaryDirectory() + "capdo-out-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = CapdoProcess.run(
            [
                "scan", "--root", sample.path, "--root-label", "Samples/hosts/" + sample.name, "--config",
                "Samples/capdo.yaml",
                "--now", Self.now, "--output", output, "--format", "json,md,html",
            ] + extra)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        let json = files.first { $0.hasSuffix(".json") }.flatMap {
            FileManager.default.contents(atPath: output + "/" + $0)
        }
        let markdown = files.first { $0.hasSuffix(".md") }.flatMap {
            try? String(contentsOfFile: output + "/" + $0, encoding: .utf8)
        }
        let decoded = try json.map { try SnapshotCodec.decoder().decode(ScanResult.self, from: $0) }
        return (result, decoded, markdown ?? "")
    }

    @Test func neglectedWorkstationExitsTwoAndNamesFileAndLine() throws {
        let sample = try SampleRoot("ws-neglected")
        let (process, result, markdown) = try scan(sample)
        #expect(process.status == 2, "stderr: \(process.stderr)")
        let report = try #require(result)
        let failing = report.allFindings.filter { $0.status == .fail }
        #expect(failing.count >= 20, "only \(failing.count) failing findings")
        // Every failing finding from a configuration source points at the file and line that caused it.
        for finding in failing {
            let located = finding.evidence.filter { $0.outcome == .fail }.compactMap(\.location)
            #expect(!located.isEmpty, "\(finding.ruleID) has no location for its failing evidence")
        }
        let rootLogin = try #require(failing.first { $0.ruleID == "srv.auth.ssh_root_login_disabled" })
        #expect(rootLogin.evidence.contains { $0.location?.hasPrefix("etc/ssh/sshd_config:") == true })
        #expect(markdown.contains("etc/ssh/sshd\\_config:") || markdown.contains("etc/ssh/sshd_config:"))
        #expect(markdown.contains("srv.auth.ssh\\_root\\_login\\_disabled"))
    }

    @Test func hardenedServerPasses() throws {
        let sample = try SampleRoot("srv-hardened")
        let (process, result, _) = try scan(sample)
        let report = try #require(result, "stderr: \(process.stderr)")
        let failing = report.allFindings.filter { $0.status == .fail }.map(\.ruleID)
        #expect(failing.isEmpty, "hardened sample fails: \(failing)")
        #expect(process.status == 0)
        #expect(report.allFindings.filter { $0.status == .pass }.count >= 40)
    }

    @Test(arguments: ["srv-hardened", "ws-neglected"])
    func scanNeverWritesUnderTheRootItScans(_ name: String) throws {
        let sample = try SampleRoot(name)
        let before = TreeDigest.of(sample.path)
        _ = try scan(sample)
        let after = TreeDigest.of(sample.path)
        #expect(before.count > 50)
        #expect(before == after)
    }

    @Test func outputInsideTheScannedRootIsRefused() throws {
        let sample = try SampleRoot("ws-neglected")
        let result = CapdoProcess.run(["scan", "--root", sample.path, "--output", sample.path + "/tmp/reports"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("never writes to what it scans"))
        #expect(!FileManager.default.fileExists(atPath: sample.path + "/tmp/reports"))
    }

    @Test func englishReportAndWaiver() throws {
        let sample = try SampleRoot("ws-neglected")
        let (_, result, markdown) = try scan(sample, ["--lang", "en"])
        let report = try #require(result)
        #expect(report.organisation.name.contains("LÊ CHÂN"))
        #expect(!report.waivers.isEmpty)
        #expect(markdown.contains("Findings") || markdown.contains("findings"))
    }

    @Test func collectThenEvaluateGivesTheSameVerdicts() throws {
        let sample = try SampleRoot("ws-neglected")
        let snapshot = NSTemporaryDirectory() + "capdo-snap-" + UUID().uuidString + ".json"
        defer { try? FileManager.default.removeItem(atPath: snapshot) }
        let collect = CapdoProcess.run(
            [
                "collect", "--root", sample.path, "--root-label", "Samples/hosts/ws-neglected", "--now", Self.now,
                "--output", snapshot,
            ])
        #expect(collect.status == 0, "\(collect.stderr)")
        let text = try String(contentsOfFile: snapshot, encoding: .utf8)
        #expect(!text.contains("$y$") && !text.contains("$6$"), "a password hash leaked into the snapshot")
        let output = NSTemporaryDirectory() + "capdo-eval-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: output) }
        let evaluate = CapdoProcess.run(
            [
                "evaluate", snapshot, "--config", "Samples/capdo.yaml", "--now", Self.now, "--output", output,
                "--format", "json",
            ])
        #expect(evaluate.status == 2, "\(evaluate.stderr)")
        let (_, direct, _) = try scan(sample)
        let files = try FileManager.default.contentsOfDirectory(atPath: output)
        let data = try #require(FileManager.default.contents(atPath: output + "/" + files[0]))
        let evaluated = try SnapshotCodec.decoder().decode(ScanResult.self, from: data)
        let a = Dictionary(uniqueKeysWithValues: evaluated.allFindings.map { ($0.ruleID, $0.status) })
        let b = Dictionary(uniqueKeysWithValues: (direct?.allFindings ?? []).map { ($0.ruleID, $0.status) })
        #expect(a == b)
    }
}
