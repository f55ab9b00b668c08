import CapdoCore
import Foundation
import Testing

/// The README's sample commands give what the README says on any date, from a checkout whose file modes are git's
/// (issue 10, "samples decay"): `scripts/scan --root Samples/hosts/…` scans a prepared copy as of the samples' date
/// and says so; without `--as-of` nothing is judged as of any date but the scan's own.
@Suite("The samples as the README shows them, years after their date", .serialized)
struct SampleQuickStartTests {
    /// Clocks far from the samples' date (2026-11-28): the certificate, the lists and the signatures are long stale.
    static let clocks = ["2027-06-01T08:00:00Z", "2030-01-01T00:00:00Z"]
    static let samplesDate = "2026-11-28T09:00:00Z"

    struct Run {
        var process: CapdoProcess.Result
        var report: ScanResult?
    }

    /// Runs `executable` (a script of the repository, or capdo itself when nil) with a JSON report into a scratch
    /// folder, and reads the report back.
    static func run(_ arguments: [String], script: String? = nil) throws -> Run {
        let output = NSTemporaryDirectory() + "capdo-quickstart-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: output) }
        let process = CapdoProcess.run(
            arguments + ["--output", output, "--format", "json", "--quiet"],
            executable: script.map { CapdoProcess.repository.appendingPathComponent($0).path },
            environment: script == nil ? [:] : ["CAPDO": CapdoProcess.binary])
        let files = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        let report = try files.first { $0.hasSuffix(".json") }.map {
            try SnapshotCodec.decoder().decode(
                ScanResult.self, from: Data(contentsOf: URL(fileURLWithPath: output + "/" + $0)))
        }
        return Run(process: process, report: report)
    }

    /// `./scripts/scan --root Samples/hosts/srv-hardened` exits 0 and `… ws-neglected` exits 2, whatever the date.
    @Test(arguments: clocks, [("srv-hardened", Int32(0)), ("ws-neglected", Int32(2))])
    func readmeCommandGivesTheDocumentedExit(clock: String, sample: (name: String, exit: Int32)) throws {
        let before = TreeDigest.of(CapdoProcess.repository.appendingPathComponent("Samples/hosts/" + sample.name).path)
        let run = try Self.run(
            ["--root", "Samples/hosts/" + sample.name, "--config", "Samples/capdo.yaml", "--now", clock],
            script: "scripts/scan")
        #expect(run.process.status == sample.exit, "stderr: \(run.process.stderr)")
        #expect(run.process.stderr.contains("ages judged as of \(Self.samplesDate)"))
        let report = try #require(run.report, "no report: \(run.process.stderr)")
        // The report states the reference date, and still the real time of the scan.
        #expect(report.asOf == CapdoDate.parse(Self.samplesDate))
        #expect(report.finishedAt == CapdoDate.parse(clock))
        #expect(report.hosts.map(\.root) == ["Samples/hosts/" + sample.name])
        let failing = report.allFindings.filter { $0.status == .fail }.map(\.ruleID)
        if sample.exit == 0 {
            #expect(failing == [])
        } else {
            #expect(failing.contains("srv.auth.ssh_root_login_disabled"))
        }
        // The checkout itself is left as git made it: the script scans a copy.
        #expect(
            TreeDigest.of(CapdoProcess.repository.appendingPathComponent("Samples/hosts/" + sample.name).path) == before
        )
    }

    /// The README's own words for the report: its scan-time line names the reference date.
    @Test func markdownReportStatesTheReferenceDate() throws {
        let output = NSTemporaryDirectory() + "capdo-quickstart-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: output) }
        let process = CapdoProcess.run(
            [
                "--root", "Samples/hosts/srv-hardened", "--now", Self.clocks[1], "--output", output, "--format", "md",
                "--lang", "en", "--quiet",
            ],
            executable: CapdoProcess.repository.appendingPathComponent("scripts/scan").path,
            environment: ["CAPDO": CapdoProcess.binary])
        #expect(process.status == 0, "stderr: \(process.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: output)
        let markdown = try String(
            contentsOfFile: output + "/" + #require(files.first { $0.hasSuffix(".md") }), encoding: .utf8)
        #expect(markdown.contains("judged as of 2026-11-28"))
    }

    /// A scan without `--as-of` is judged as of its own clock, sample or not: years later the hardened sample's lists,
    /// signatures and certificate are stale, it fails, and its report claims no other date.
    @Test(arguments: clocks)
    func withoutAsOfAgesAreJudgedAsOfTheScan(clock: String) throws {
        let sample = try SampleRoot("srv-hardened")
        let run = try Self.run(["scan", "--root", sample.path, "--config", "Samples/capdo.yaml", "--now", clock])
        #expect(run.process.status == 2, "stderr: \(run.process.stderr)")
        let report = try #require(run.report)
        #expect(report.asOf == nil)
        let failing = Set(report.allFindings.filter { $0.status == .fail }.map(\.ruleID))
        #expect(failing.isSuperset(of: ["srv.ips.package_lists_fresh", "srv.malware.signatures_fresh"]), "\(failing)")
    }
}
