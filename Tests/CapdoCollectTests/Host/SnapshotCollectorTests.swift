import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("Collectors registry and SnapshotCollector")
struct SnapshotCollectorTests {
    @Test func collectorIdsAreUnique() {
        let ids = Collectors.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(
            ids.starts(with: ["system", "packages", "updates", "accounts", "services", "listeners", "logs", "files"]))
        #expect(Collectors.all.allSatisfy { !$0.summary.isEmpty })
    }

    /// The sleeper would take an hour: finishing at all (within the test's time limit) shows the 8 s collector
    /// timeout ended it; wall-clock bounds belong to benchmarks, not to tests on a busy shared machine.
    @Test(.timeLimit(.minutes(5))) func timedOutCollectorIsAnIssueAndTheRestMerge() async throws {
        let root = try TemporaryDirectory()
        try root.write("etc/hostname", "fixture\n")
        let snapshot = await SnapshotCollector.collect(
            root.environment(), collectors: [SystemCollector(), Sleeper(), FilesCollector()], timeout: 8)
        #expect(snapshot.system?.hostname == "fixture")
        #expect(snapshot.files["/etc/shadow"] == FileFact(exists: false))
        #expect(snapshot.issues.contains { $0.collector == "sleeper" && $0.level == .error })
        #expect(snapshot.collectors.map(\.id) == ["system", "sleeper", "files"])
        #expect(snapshot.live == false)
    }

    @Test func fixtureRootScanReadsNothingFromTheHost() async throws {
        let root = try TemporaryDirectory()
        let snapshot = await SnapshotCollector.collect(root.environment(), collectors: Collectors.host)
        #expect(snapshot.packages == nil)
        #expect(snapshot.listeners == nil)
        #expect(snapshot.accounts == nil)
        #expect(snapshot.system?.kernel == nil)
        #expect(snapshot.files.values.allSatisfy { !$0.exists })
        #expect(snapshot.services?.units.isEmpty == true)
    }
}

/// A collector that never finishes in time.
private struct Sleeper: Collector {
    let id = "sleeper"
    let summary = "sleeps"

    func collect(in environment: HostEnvironment) async -> CollectorOutput {
        try? await Task.sleep(for: .seconds(3_600))
        return CollectorOutput()
    }
}
