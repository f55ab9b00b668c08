import CapdoCore
import Foundation

/// `capdo lan`: LAN facts from a capture, a live interface or an active scan, judged by the network rules.
public enum LanScan {
    /// The facts `source` gathers judged as the pseudo-host `lan-<segment>`, written first as a snapshot to
    /// `snapshotPath` when given; with the report file stem.
    public static func run(
        _ source: LanSource, snapshotPath: String?, ruleSet: RuleSetChoice, session: ReportSession,
        tls: LanTLSProbe? = nil, warn: (String) -> Void
    ) async throws(CapdoError) -> (result: ScanResult, stem: String, facts: LanFacts) {
        let clock = session.clock
        var source = source
        source.configure(session.config)
        // A capture file alone is read while the rules load (`CaptureAlongside`); scans start after, as before.
        let alongside =
            source.pcap != nil && source.interface == nil && source.targets == nil ? CaptureAlongside(source) : nil
        var loaded = try ruleSet.load(config: session.config, warn: warn)
        loaded.onlyGroup = .network
        let collected: (facts: LanFacts, issues: [CollectionIssue])
        if let alongside {
            collected = try await alongside.collected()
        } else {
            collected = try await source.collect()
        }
        let (facts, issues) = collected
        var host = HostSnapshot(
            collectedAt: facts.firstPacketTime ?? clock.now, root: facts.segment, live: source.interface != nil,
            lan: facts, issues: issues)
        if let tls {
            // The TLS rules judge what the probe found, beside the network rules.
            let (tlsFacts, tlsIssues) = try await tls.collect(facts, now: clock.now)
            host.tls = tlsFacts
            host.issues += tlsIssues
            loaded.onlyGroup = nil
            loaded.catalog.rules = loaded.catalog.rules.filter { $0.group == .network || TLSSource.isTLSRule($0) }
        }
        if let snapshotPath { try SnapshotFile.write(host, to: snapshotPath) }
        let scanned = source.targetList
        let result = try ScanAssembler.evaluatePseudoHost(host, ruleSet: loaded, session: session) { system in
            !scanned.isDisjoint(with: system.lanTargets)
        }
        return (result, ReportWriter.stem(host: "lan-" + slug(facts.segment), date: clock.now), facts)
    }

    static func slug(_ text: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_")
        let mapped = String(text.map { allowed.contains($0) ? $0 : "-" })
        return String(mapped.prefix(60))
    }
}
