import CapdoCore
import Foundation
import Testing

/// `capdo scan` and `capdo collect` + `capdo evaluate` are two routes to one verdict: the snapshot `collect` writes
/// holds every fact the scan judges, and both judge it the same way (issue 10, "two routes, two verdicts").
@Suite("scan and collect + evaluate give the same findings", .serialized)
struct RouteEquivalenceTests {
    static let now = "2026-11-28T09:00:00Z"

    /// What an auditor signs for one finding.
    struct Verdict: Hashable, CustomStringConvertible {
        var ruleID: String
        var host: String
        var status: FindingStatus
        var evidence: [Evidence]

        init(_ finding: Finding) {
            ruleID = finding.ruleID
            host = finding.host
            status = finding.status
            evidence = finding.evidence
        }

        var description: String { "\(ruleID) on \(host): \(status.rawValue)" }
    }

    /// A scratch folder, removed when the value goes.
    final class Scratch: @unchecked Sendable {  // immutable after init
        let path = NSTemporaryDirectory() + "capdo-routes-" + UUID().uuidString
        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Runs a report-writing command with a JSON report into `output` and returns its findings.
    static func verdicts(_ arguments: [String], output: String, now: String = now) throws -> [Verdict] {
        let run = CapdoProcess.run(
            arguments + ["--output", output, "--format", "json-hosts", "--now", now, "--quiet"])
        #expect(run.status == 0 || run.status == 2, "capdo \(arguments.joined(separator: " ")): \(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: output)
        let json = try #require(files.first { $0.hasSuffix(".json") }, "no JSON report: \(run.stderr)")
        let report = try SnapshotCodec.decoder().decode(
            ScanResult.self, from: Data(contentsOf: URL(fileURLWithPath: output + "/" + json)))
        return report.allFindings.map(Verdict.init)
    }

    /// Collects `sample` into `snapshot` with the same fact options `scan` gets.
    static func collect(_ sample: SampleRoot, into snapshot: String, _ extra: [String] = [], now: String = now) {
        let run = CapdoProcess.run(
            [
                "collect", "--root", sample.path, "--root-label", "Samples/hosts/" + sample.name, "--now", now,
                "--output", snapshot,
            ] + extra)
        #expect(run.status == 0, "collect: \(run.stderr)")
    }

    static func scan(_ sample: SampleRoot, output: String, _ extra: [String] = [], now: String = now) throws
        -> [Verdict]
    {
        try verdicts(
            ["scan", "--root", sample.path, "--root-label", "Samples/hosts/" + sample.name] + extra, output: output,
            now: now)
    }

    /// Every difference between two routes' findings, one line each.
    static func differences(_ lhs: [Verdict], _ rhs: [Verdict], names: (String, String)) -> [String] {
        let left = Dictionary(lhs.map { ("\($0.ruleID)@\($0.host)", $0) }, uniquingKeysWith: { first, _ in first })
        let right = Dictionary(rhs.map { ("\($0.ruleID)@\($0.host)", $0) }, uniquingKeysWith: { first, _ in first })
        return Set(left.keys).union(right.keys).sorted().compactMap { key in
            guard left[key] != right[key] else { return nil }
            let describe = { (verdict: Verdict?) in
                verdict.map { "\($0.status.rawValue) \($0.evidence.map(\.found))" } ?? "absent"
            }
            return "\(key): \(names.0) \(describe(left[key])) ≠ \(names.1) \(describe(right[key]))"
        }
    }

    @Test(arguments: ["srv-hardened", "ws-neglected"])
    func sampleHostScanEqualsCollectThenEvaluate(_ name: String) throws {
        let sample = try SampleRoot(name)
        let scratch = try Scratch()
        let scanned = try Self.scan(sample, output: scratch.path + "/scan", ["--config", "Samples/capdo.yaml"])
        Self.collect(sample, into: scratch.path + "/host.json")
        let evaluated = try Self.verdicts(
            ["evaluate", scratch.path + "/host.json", "--config", "Samples/capdo.yaml"], output: scratch.path + "/eval")
        #expect(scanned.count >= 100)
        let differences = Self.differences(scanned, evaluated, names: ("scan", "evaluate"))
        #expect(differences == [])
        if differences.isEmpty { #expect(scanned == evaluated, "the same findings in another order") }
        if name == "srv-hardened" {
            // The certificate named in the nginx config is judged on both routes, not only by the scan.
            let tls = evaluated.filter { $0.ruleID == "data.tls.certificate_key_size" }
            #expect(tls.map(\.status) == [.pass])
        }
    }

    /// `--as-of` changes no fact, only the date ages are judged against: a scan years after the samples' date, as of
    /// that date, equals a collect then an evaluate as of it.
    @Test(arguments: ["srv-hardened", "ws-neglected"])
    func asOfGivesOneVerdictOnBothRoutes(_ name: String) throws {
        let sample = try SampleRoot(name)
        let scratch = try Scratch()
        let later = "2030-01-01T00:00:00Z"
        let asOf = ["--as-of", Self.now, "--config", "Samples/capdo.yaml"]
        let scanned = try Self.scan(sample, output: scratch.path + "/scan", asOf, now: later)
        Self.collect(sample, into: scratch.path + "/host.json", now: later)
        let evaluated = try Self.verdicts(
            ["evaluate", scratch.path + "/host.json"] + asOf, output: scratch.path + "/eval", now: later)
        #expect(Self.differences(scanned, evaluated, names: ("scan", "evaluate")) == [])
        let passed = Set(evaluated.filter { $0.status == .pass }.map(\.ruleID))
        #expect(passed.contains("srv.ips.package_lists_fresh") == (name == "srv-hardened"))
    }

    /// Endpoints from `--tls` and capdo.yaml `tls_endpoints` are probed by `collect` as by `scan` (closed loopback
    /// ports: the endpoint is still recorded, with its error).
    @Test func probedEndpointsReachTheSnapshot() throws {
        let sample = try SampleRoot("srv-hardened")
        let scratch = try Scratch()
        let config = scratch.path + "/capdo.yaml"
        try Data(
            """
            organisation: { name: "UBND phường Lê Chân" }
            systems:
              - { name: "Cổng thông tin", level: 2, tls_endpoints: ["127.0.0.1:1"] }
            """.utf8
        ).write(to: URL(fileURLWithPath: config))
        let flags = ["--config", config, "--tls", "127.0.0.1:2"]
        let scanned = try Self.scan(sample, output: scratch.path + "/scan", flags)
        Self.collect(sample, into: scratch.path + "/host.json", flags)
        let snapshot = try SnapshotCodec.decoder().decode(
            HostSnapshot.self, from: Data(contentsOf: URL(fileURLWithPath: scratch.path + "/host.json")))
        #expect(snapshot.tls?.endpoints.map(\.port).sorted() == [1, 2])
        let evaluated = try Self.verdicts(
            ["evaluate", scratch.path + "/host.json", "--config", config], output: scratch.path + "/eval")
        #expect(Self.differences(scanned, evaluated, names: ("scan", "evaluate")) == [])
        #expect(evaluated.contains { $0.ruleID == "data.tls.endpoint_checked" && $0.status != .notApplicable })
    }

    /// One fleet evaluation of the collected sample hosts and the example Windows snapshots gives each host the
    /// findings of its own route: `scan` for the sample hosts, a single `evaluate` for the Windows PCs.
    @Test func fleetEvaluationEqualsEachHostsOwnRoute() throws {
        let scratch = try Scratch()
        var own: [Verdict] = []
        var snapshots: [String] = []
        for name in ["srv-hardened", "ws-neglected"] {
            let sample = try SampleRoot(name)
            own += try Self.scan(sample, output: scratch.path + "/scan-" + name, ["--config", "Samples/capdo.yaml"])
            Self.collect(sample, into: scratch.path + "/" + name + ".json")
            snapshots.append(scratch.path + "/" + name + ".json")
        }
        for name in ["pc-protected", "pc-neglected"] {
            let path = "Samples/snapshots/\(name).json"
            own += try Self.verdicts(
                ["evaluate", path, "--config", "Samples/capdo.yaml"], output: scratch.path + "/eval-" + name)
            snapshots.append(path)
        }
        let fleet = try Self.verdicts(
            ["evaluate"] + snapshots + ["--config", "Samples/capdo.yaml"], output: scratch.path + "/fleet")
        // The management items are the one system's (Samples/capdo.yaml), judged once over its four hosts: a pass
        // from any host, else the finding needing most action.
        let system = "Hệ thống thông tin nội bộ UBND phường Lê Chân"
        let management = Set(fleet.filter { $0.host == system }.map(\.ruleID))
        #expect(management.count == (try FleetReportTests.managementRuleCount()))
        let hosts = fleet.filter { $0.host != system }
        #expect(Set(hosts.map(\.host)).count == 4)
        let ownHosts = own.filter { !management.contains($0.ruleID) }
        #expect(Self.differences(ownHosts, hosts, names: ("own route", "fleet")) == [])
        for rule in management {
            let statuses = own.filter { $0.ruleID == rule }.map(\.status)
            let judged = fleet.first { $0.host == system && $0.ruleID == rule }?.status
            let expected = statuses.contains(.pass) ? .pass : statuses.min { $0.rank < $1.rank }
            #expect(judged == expected, "\(rule)")
        }
    }
}
