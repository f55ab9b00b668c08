import ArgumentParser
import CapdoCollect
import CapdoCore
import CapdoNet
import CapdoReport
import CapdoRules
import CapdoTLS
import Foundation

/// `capdo scan`: collect facts from this machine (or a root), judge them, write the reports.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan this machine (or a filesystem root) with the level-2 profile and write the reports.",
        discussion: """
            With no arguments: scans this machine with the built-in level-2 profile and writes
            Reports/<host>-<date>.html, .md and .json. With --root DIR everything (packages included) is read
            from DIR and nothing from the running system; nothing is ever written under the scanned root.

            Examples:
              capdo scan
              capdo scan --root Samples/hosts/ws-neglected --lang en --format md
              capdo scan --pcap ward-lan.pcapng            # also the LAN section and network rules
              capdo scan --config /etc/capdo/capdo.yaml --waivers /etc/capdo/waivers.yaml --quiet
            """)

    @Option(name: .long, help: "Filesystem root to scan instead of the running system.")
    var root: String?

    @Option(name: .long, help: "Management evidence folder (index.yaml + documents).")
    var evidence: String?

    @Option(
        name: .long, help: ArgumentHelp("Name the root this way in reports (for prepared copies).", visibility: .hidden)
    )
    var rootLabel: String?

    @Option(name: .customLong("tls"), help: "Also probe this TLS endpoint (HOST:PORT); repeatable.")
    var tlsEndpoints: [String] = []

    @Option(name: .long, help: "Also analyse this LAN capture (pcap/pcapng) and judge the network rules on it.")
    var pcap: String?

    @OptionGroup var ruleSet: RuleSetOptions
    @OptionGroup var report: ReportOptions
    @OptionGroup var historyOptions: HistoryOptions

    func run() async throws {
        try await CLIError.reported { try await execute() }
    }

    func execute() async throws {
        let session = try ReportSession(ruleSet: ruleSet, report: report)
        let config = session.config
        let clock = session.clock
        let runLock = try historyOptions.lockPath(config).map(RunLock.init(path:))
        defer { withExtendedLifetime(runLock) {} }

        let rootPath = root ?? config.roots.first ?? "/"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: rootPath, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError.usage("--root '\(rootPath)' is not a directory")
        }
        try SafetyGuard.refuseWritingInside(root: rootPath, output: session.outputDirectory)

        let environment = HostEnvironment(
            root: rootPath, now: clock.now,
            evidenceFolder: evidence ?? config.evidence ?? SafetyGuard.defaultEvidence(root: rootPath))
        // Collect while the rule files are parsed: the two are independent and each takes about 100 ms.
        async let collected = SnapshotCollector.collect(environment)
        let loaded = try ruleSet.loadRuleSet(config: config, warn: Console.warn)
        var snapshot = await collected
        let tls = try await tlsFacts(
            listeners: snapshot.listeners, root: rootPath, live: environment.live, now: clock.now,
            configured: config.systems.flatMap(\.tlsEndpoints))
        snapshot.tls = tls.facts
        snapshot.issues += tls.issues
        if let run = tls.run {
            snapshot.collectors.append(
                clock.fixed ? CollectorRun(id: run.id, milliseconds: 0, issues: run.issues) : run)
        }
        snapshot.root = rootLabel ?? rootPath
        if let rootLabel, let folder = snapshot.evidence?.folder, folder.hasPrefix(rootPath) {
            snapshot.evidence?.folder = rootLabel + folder.dropFirst(rootPath.count)
        }
        if let pcap {
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
        for issue in snapshot.issues where issue.level == .error && !report.quiet {
            Console.warn("warning: \(issue.collector): \(issue.description)")
        }

        var result = await ScanAssembler.evaluate(
            [snapshot], ruleSet: loaded, organisation: config.organisation ?? .unspecified, startedAt: clock.startedAt,
            now: clock.finished(), systems: config.systems)
        if let path = historyOptions.databasePath(config) {
            let recorder = try HistoryRecorder(
                path: path, retention: config.retention, logger: CapdoLog.logger(quiet: report.quiet))
            let digest = SHA256.hex(of: (try? SnapshotCodec.encoder().encode(snapshot)) ?? Data())
            try recorder.record(
                &result, command: "scan", snapshots: [snapshot], digests: [digest], systems: config.systems)
        }
        try session.finish(result, stem: ReportWriter.stem(host: snapshot.hostName, date: clock.now))
    }

    /// Probes `--tls` endpoints and (live host) its own TLS listeners; reads certificates named in web/mail configs.
    func tlsFacts(
        listeners: ListenerFacts?, root: String, live: Bool, now: Date, configured: [String] = []
    ) async throws -> (facts: TLSFacts?, issues: [CollectionIssue], run: CollectorRun?) {
        var targets: [TLSTarget] = []
        // Flags first, then the systems' `tls_endpoints` from capdo.yaml (already syntax-checked by the loader).
        for (text, origin) in tlsEndpoints.map({ ($0, "command line") }) + configured.map({ ($0, "capdo.yaml") }) {
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
