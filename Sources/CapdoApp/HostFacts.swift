import CapdoCollect
import CapdoCore
import CapdoRules
import Foundation

/// Gathers one host's facts — the collectors, TLS certificates and endpoints, a LAN capture — into the snapshot that
/// `capdo collect` writes and `capdo scan` judges: one gathering for both, so the two routes cannot drift apart.
public enum HostFacts {
    /// The snapshot of `root` as `choice` and capdo.yaml ask, read as of the clock: `--as-of` changes no fact, only
    /// the date the rules judge ages against, so `scan --as-of D` and `collect` + `evaluate --as-of D` agree. With a
    /// fixed clock, collector timings are zero so the output is byte-stable. `warn` hears a capture's warnings.
    public static func gather(
        _ choice: FactChoice, root: String, config: CapdoConfig, clock: CommandClock,
        warn: @escaping @Sendable (String) -> Void
    ) async throws(CapdoError) -> HostSnapshot {
        var environment = HostEnvironment(
            root: root, now: clock.now, evidenceFolder: choice.evidenceFolder(config, root: root))
        environment.tls = TLSSource(
            given: choice.tlsEndpoints, configured: config.systems.flatMap(\.tlsEndpoints), root: root)
        if let pcap = choice.pcap {
            var lan = LanSource(pcap: pcap)
            lan.configure(config)
            lan.warn = warn
            environment.lan = lan
        }
        var snapshot = try await Collectors.snapshot(of: environment)
        snapshot.root = choice.rootLabel ?? root
        if let rootLabel = choice.rootLabel, let folder = snapshot.evidence?.folder, folder.hasPrefix(root) {
            snapshot.evidence?.folder = rootLabel + folder.dropFirst(root.count)
        }
        if clock.fixed {
            snapshot.collectors = snapshot.collectors.map {
                CollectorRun(id: $0.id, milliseconds: 0, issues: $0.issues)
            }
        }
        return snapshot
    }
}
