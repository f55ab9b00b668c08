import CapdoCore
import Foundation

/// The one list of collectors, in merge order: host collectors, then every configuration source, then the
/// follow-up collectors (TLS, LAN) that run on what those found.
public enum Collectors {
    public static var all: [any Collector] {
        host + ConfigCollectors.all
    }

    /// The host collectors (everything but configuration files).
    public static var host: [any Collector] {
        [
            SystemCollector(), PackagesCollector(), UpdatesCollector(), AccountsCollector(), ServicesCollector(),
            ListenersCollector(), LogsCollector(), FilesCollector(), BackupCollector(), EvidenceCollector(),
            AntivirusCollector(),
        ]
    }

    /// The collectors that run after `all`, in order, each given the snapshot so far.
    public static var followUp: [FollowUpCollector] {
        [.osSupport, .tls, .lan]
    }

    /// A host's whole snapshot: `SnapshotCollector` over `all`, then `followUp` in order; a follow-up that looked
    /// at something is listed with its time and issue count.
    public static func snapshot(of environment: HostEnvironment) async throws(CapdoError) -> HostSnapshot {
        var snapshot = await SnapshotCollector.collect(environment)
        for collector in followUp {
            let started = Date()
            let issuesBefore = snapshot.issues.count
            if try await collector.collect(into: &snapshot, in: environment) {
                snapshot.collectors.append(
                    CollectorRun(
                        id: collector.id, milliseconds: Date().timeIntervalSince(started) * 1000,
                        issues: snapshot.issues.count - issuesBefore))
            }
        }
        return snapshot
    }
}
