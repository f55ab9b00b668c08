import CapdoCore
import CapdoHistory
import Foundation
import Testing

/// `--history`, `capdo history`, `capdo diff`, section 8 data and the run lock, through the real binary.
@Suite("History on the command line", .serialized)
struct HistoryCLITests {
    @Test func diffNamesExactlyTheChangesMadeToAFixture() throws {
        let workspace = try HistoryWorkspace()
        try workspace.write(workspace.base, to: "a", name: "srv")
        try workspace.write(HistoryWorkspace.changed(workspace.base), to: "b", name: "srv")
        let first = workspace.evaluate("a", now: "2026-11-28T09:00:00Z")
        #expect([0, 2].contains(first.status), "stderr: \(first.stderr)")
        // Same evaluation time: only the fixture changes, not the age of anything in it.
        let second = workspace.evaluate("b", now: "2026-11-28T09:00:00Z")
        #expect([0, 2].contains(second.status), "stderr: \(second.stderr)")

        let store = try HistoryStore(path: workspace.database)
        let scans = try store.scans()
        #expect(scans.count == 2)
        let changes = try HistoryComparer(store: store).diff(from: scans[1].id, to: scans[0].id)
        #expect(
            changes.newFindings.map(\.ruleID) == [
                "srv.access.no_cleartext_admin_listeners", "srv.malware.signatures_fresh",
            ])
        #expect(changes.resolved.isEmpty)
        #expect(changes.changed.isEmpty)
        #expect(
            changes.inventory.map(\.line) == [
                "+tcp/23 0.0.0.0 (inetd)", "~openssh-server 1:9.2p1-2+deb12u7 → 1:8.4p1-5+deb11u1",
            ])

        let diff = CapdoProcess.run(["diff", "--history", workspace.database, "--lang", "en"])
        #expect(diff.status == 0, "stderr: \(diff.stderr)")
        #expect(diff.stdout.contains("+ srv-portal-01  srv.access.no_cleartext_admin_listeners  pass → fail"))
        #expect(diff.stdout.contains("+ srv-portal-01  srv.malware.signatures_fresh  pass → fail"))
        #expect(diff.stdout.contains("port     +tcp/23 0.0.0.0 (inetd)"))
        #expect(diff.stdout.contains("package  ~openssh-server 1:9.2p1-2+deb12u7 → 1:8.4p1-5+deb11u1"))
        #expect(!diff.stdout.contains("Resolved") && !diff.stdout.contains("Changed findings"))

        // The second report carries the same changes (section 8) and a two-point trend.
        let reports = try FileManager.default.contentsOfDirectory(atPath: workspace.folder + "/reports-b")
        let json = try #require(reports.first { $0.hasSuffix(".json") })
        let data = try #require(FileManager.default.contents(atPath: workspace.folder + "/reports-b/" + json))
        let result = try SnapshotCodec.decoder().decode(ScanResult.self, from: data)
        let reported = try #require(result.changes)
        #expect(reported.newFindings == changes.newFindings)
        #expect(reported.inventory == changes.inventory)
        #expect(reported.trend.count == 2)

        let history = CapdoProcess.run(["history", "--history", workspace.database, "--host", "srv-portal-01"])
        #expect(history.status == 0)
        #expect(history.stdout.split(separator: "\n").count == 3, "\(history.stdout)")
    }

    @Test func withoutHistoryNothingIsRecordedAndReportsHaveNoChanges() throws {
        let workspace = try HistoryWorkspace()
        try workspace.write(workspace.base, to: "a", name: "srv")
        let run = CapdoProcess.run(
            [
                "evaluate", workspace.folder + "/a", "--now", "2026-11-28T09:00:00Z", "--output",
                workspace.folder + "/r",
                "--format", "json", "--quiet",
            ])
        #expect([0, 2].contains(run.status))
        #expect(!FileManager.default.fileExists(atPath: workspace.database))
        let report = try #require(try FileManager.default.contentsOfDirectory(atPath: workspace.folder + "/r").first)
        let text = try String(contentsOfFile: workspace.folder + "/r/" + report, encoding: .utf8)
        #expect(!text.contains("\"changes\""))
    }

    @Test func aHeldLockMakesTheRunExitThreeWithoutScanning() throws {
        let workspace = try HistoryWorkspace()
        try workspace.write(workspace.base, to: "a", name: "srv")
        let lockPath = workspace.database + ".lock"
        let descriptor = open(lockPath, O_RDWR | O_CREAT, 0o644)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let run = workspace.evaluate("a", now: "2026-11-28T09:00:00Z")
        #expect(run.status == 3)
        #expect(run.stderr.contains("another capdo run holds the lock \(lockPath)"))
        #expect(!FileManager.default.fileExists(atPath: workspace.database))
        flock(descriptor, LOCK_UN)
        let again = workspace.evaluate("a", now: "2026-11-28T09:00:00Z")
        #expect([0, 2].contains(again.status), "stderr: \(again.stderr)")
    }

    @Test func twoOverlappingRunsExactlyOneScans() throws {
        let workspace = try HistoryWorkspace()
        try workspace.fleet(60, in: "fleet")
        let arguments = [
            "evaluate", workspace.folder + "/fleet", "--history", workspace.database, "--now", "2026-11-28T09:00:00Z",
            "--output", workspace.folder + "/r", "--format", "json", "--quiet",
        ]
        let first = try Spawned(arguments)
        // Wait until the first run holds the lock (it writes its pid into the lock file), then start the second.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: workspace.database + ".lock", encoding: .utf8),
                text.trimmingCharacters(in: .whitespacesAndNewlines) == String(first.pid)
            {
                break
            }
            usleep(5_000)
        }
        let second = CapdoProcess.run(arguments)
        let firstStatus = first.wait()
        #expect(second.status == 3, "second run: \(second.stderr)")
        #expect(second.stderr.contains("another capdo run holds the lock"))
        #expect([0, 2].contains(firstStatus))
        #expect(try HistoryStore(path: workspace.database).scans().count == 1)
    }

    @Test func killingTheWriterNeverCorruptsTheHistory() throws {
        let workspace = try HistoryWorkspace()
        try workspace.fleet(12, in: "fleet")
        let arguments = [
            "evaluate", workspace.folder + "/fleet", "--history", workspace.database, "--now", "2026-11-28T09:00:00Z",
            "--output", workspace.folder + "/r", "--format", "json", "--quiet",
        ]
        // Learn how long one full run takes, so the kills land before, during and after the write.
        let started = Date()
        #expect([0, 2].contains(CapdoProcess.run(arguments).status))
        let full = Date().timeIntervalSince(started)
        var recorded = try HistoryStore(path: workspace.database).scans(limit: 1_000).map(\.id)
        #expect(recorded.count == 1)
        var generator = SystemRandomNumberGenerator()
        var killed = 0
        for _ in 0..<20 {
            let run = try Spawned(arguments)
            usleep(UInt32(Double.random(in: 0.3...1.1, using: &generator) * full * 1_000_000))
            if kill(run.pid, SIGKILL) == 0 { killed += 1 }
            _ = run.wait()
            let store = try HistoryStore(path: workspace.database)
            #expect(try store.integrityCheck() == ["ok"])
            let now = try store.scans(limit: 1_000).map(\.id)
            // Earlier scans are all still there; at most the killed run's own scan was added (if it committed).
            #expect(Array(now.suffix(recorded.count)) == recorded)
            #expect(now.count <= recorded.count + 1)
            for id in now { #expect(try store.findings(scanID: id).count > 0) }
            recorded = now
        }
        #expect(killed > 0)
    }
}

/// A capdo process started in the background (for the lock and kill tests).
private struct Spawned {
    let process: Process
    var pid: Int32 { process.processIdentifier }

    init(_ arguments: [String]) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: CapdoProcess.binary)
        process.arguments = arguments
        process.currentDirectoryURL = CapdoProcess.repository
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    func wait() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }
}
