import CapdoApp
import CapdoCore
import Foundation
import Logging
import Testing

/// One evaluation path: a scan judges the bytes its snapshot file would hold, the way `evaluate` judges files.
@Suite struct EvaluationPathTests {
    static let now = "2026-11-28T09:00:00Z"

    static func session(_ work: Workspace) throws -> ReportSession {
        try ReportSession(config: nil, report: ReportChoice(format: "json", output: work.path + "/out", now: now))
    }

    static func verdicts(_ result: ScanResult) -> [String] {
        result.hosts.flatMap { host in host.findings.map { "\(host.host) \($0.ruleID) \($0.status.rawValue)" } }
    }

    @Test(arguments: ["srv-hardened", "ws-neglected"])
    func scanEqualsCollectThenEvaluate(_ name: String) async throws {
        let work = try Workspace()
        let session = try Self.session(work)
        let facts = FactChoice(root: Workspace.sampleHost(name))
        let ruleSet = RuleSetChoice(rules: Workspace.rules)
        let scanned = try await HostScan.run(
            facts, ruleSet: ruleSet, history: HistoryChoice(), session: session, warn: { _ in })

        let snapshot = try await HostFacts.gather(
            facts, root: Workspace.sampleHost(name), config: session.config, clock: session.clock, warn: { _ in })
        try SnapshotFile.write(snapshot, to: work.path + "/\(name).json")
        var warnings: [String] = []
        let evaluated = try FleetRun.run(
            [work.path], name: nil, ruleSet: ruleSet, history: HistoryChoice(), session: session,
            logger: Logger(label: "test"), warn: { warnings.append($0) })

        #expect(warnings.isEmpty)
        #expect(scanned.stem == evaluated.stem)
        #expect(!scanned.result.hosts[0].findings.isEmpty)
        #expect(Self.verdicts(scanned.result) == Self.verdicts(evaluated.result))
    }

    @Test func unreadableFileStaysAsAnErrorHost() throws {
        let work = try Workspace()
        let session = try Self.session(work)
        let bad = try work.file("bad.json", "{\"not\": \"a snapshot\"}")
        var warnings: [String] = []
        let (result, stem) = try FleetRun.run(
            [bad], name: nil, ruleSet: RuleSetChoice(rules: Workspace.rules), history: HistoryChoice(),
            session: session, logger: Logger(label: "test"), warn: { warnings.append($0) })
        #expect(
            warnings == ["capdo: \(bad): not a capdo snapshot (no schema_version) — reported as an unreadable host"])
        let host = try #require(result.hosts.first)
        #expect(!host.findings.isEmpty)
        #expect(host.findings.allSatisfy { $0.status == .error })
        #expect(result.exitCode == 1)
        #expect(stem.hasSuffix("-2026-11-28"))
    }

    @Test func noSnapshotsIsAUsageError() throws {
        let work = try Workspace()
        let session = try Self.session(work)
        let error = try #require(
            thrown { () throws(CapdoError) in
                try FleetRun.run(
                    [], name: nil, ruleSet: RuleSetChoice(rules: Workspace.rules), history: HistoryChoice(),
                    session: session, logger: Logger(label: "test"), warn: { _ in })
            })
        #expect(error.exitCode == 64)
    }

    @Test func secondRunLockIsRefusedWithExit3() throws {
        let work = try Workspace()
        let first = try RunLock(path: work.path + "/capdo.lock")
        defer { withExtendedLifetime(first) {} }
        let error = try #require(thrown { () throws(CapdoError) in try RunLock(path: work.path + "/capdo.lock") })
        #expect(error.code == .locked)
        #expect(error.exitCode == 3)
        #expect(error.message.contains("another capdo run holds the lock"))
    }
}
