import CapdoCollect
import CapdoCore
import CapdoNet
import CapdoRules
import CapdoTLS
import Foundation

/// Gathers one host's facts — the collectors, TLS certificates and endpoints, a LAN capture — into the snapshot that
/// `capdo collect` writes and `capdo scan` judges: one gathering for both, so the two routes cannot drift apart.
enum HostFacts {
    /// The snapshot of `root` as `options` and capdo.yaml ask, read as of the clock: `--as-of` changes no fact, only
    /// the date the rules judge ages against, so `scan --as-of D` and `collect` + `evaluate --as-of D` agree. With a
    /// fixed clock, collector timings are zero so the output is byte-stable.
    static func gather(
        _ options: FactOptions, root: String, config: CapdoConfig, clock: CommandClock
    ) async throws -> HostSnapshot {
        let environment = HostEnvironment(
            root: root, now: clock.now, evidenceFolder: options.evidenceFolder(config, root: root))
        var snapshot = await SnapshotCollector.collect(environment)
        let tls = try await tlsFacts(
            options.tlsEndpoints, listeners: snapshot.listeners, root: root, live: environment.live,
            now: clock.now, configured: config.systems.flatMap(\.tlsEndpoints))
        snapshot.tls = tls.facts
        snapshot.issues += tls.issues
        if let run = tls.run { snapshot.collectors.append(run) }
        snapshot.root = options.rootLabel ?? root
        if let rootLabel = options.rootLabel, let folder = snapshot.evidence?.folder, folder.hasPrefix(root) {
            snapshot.evidence?.folder = rootLabel + folder.dropFirst(root.count)
        }
        if let pcap = options.pcap {
            do {
                let outcome = try CaptureReader.read(path: pcap)
                if let warning = outcome.warning { Console.warn("warning: \(warning)") }
                snapshot.lan = outcome.facts
                snapshot.issues += outcome.issues
            } catch let error as CapdoError {
                throw CLIError.scanner(error.description)
            }
        }
        if clock.fixed {
            snapshot.collectors = snapshot.collectors.map {
                CollectorRun(id: $0.id, milliseconds: 0, issues: $0.issues)
            }
        }
        return snapshot
    }

    /// Probes `--tls` endpoints, capdo.yaml `tls_endpoints` and (live host) its own TLS listeners; reads the
    /// certificate files named in web/mail configs.
    static func tlsFacts(
        _ given: [String], listeners: ListenerFacts?, root: String, live: Bool, now: Date, configured: [String]
    ) async throws -> (facts: TLSFacts?, issues: [CollectionIssue], run: CollectorRun?) {
        var targets: [TLSTarget] = []
        // Flags first, then the systems' `tls_endpoints` from capdo.yaml (already syntax-checked by the loader).
        for (text, origin) in given.map({ ($0, "command line") }) + configured.map({ ($0, "capdo.yaml") }) {
            do {
                let target = try TLSTarget.parse(text, origin: origin)
                if !targets.contains(target) { targets.append(target) }
            } catch {
                throw CLIError.usage(
                    "\(origin == "command line" ? "--tls" : "capdo.yaml tls_endpoints"): \(error.description)")
            }
        }
        if live { targets += TLSScan.listenerTargets(listeners).filter { !targets.contains($0) } }
        let references = CertificatePathFinder.find(root: root)
        guard !targets.isEmpty || !references.isEmpty else { return (nil, [], nil) }
        let started = Date()
        let prober: TLSProber
        do {
            prober = try TLSProber(options: TLSProbeOptions(connectTimeout: 3, handshakeTimeout: 5, concurrency: 16))
        } catch {
            return (nil, [CollectionIssue(collector: "tls", message: error.description)], nil)
        }
        let (facts, issues) = await TLSInventory(prober: prober, now: now).collect(
            targets: targets, files: references, root: root)
        let run = CollectorRun(id: "tls", milliseconds: Date().timeIntervalSince(started) * 1000, issues: issues.count)
        return (facts, issues, run)
    }
}
