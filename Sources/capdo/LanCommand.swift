import ArgumentParser
import CapdoCore
import CapdoReport
import Foundation

/// `capdo lan`: LAN findings from a capture, a live interface or an active scan, judged by the network rules.
struct LanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lan",
        abstract: "Find hosts, services, cleartext credentials, rogue DHCP and ARP conflicts on the LAN.",
        discussion: """
            Reads a capture (--pcap), captures live (--interface, root or CAP_NET_RAW), and/or scans targets
            you are authorised to scan (--targets, 300 probes/s by default). --scan connect (the default) makes full
            TCP connections and works for any user; --scan syn sends half-open SYN probes through libpcap (root or
            CAP_NET_RAW; IPv4 targets reached over an Ethernet interface, next hop resolved by ARP; not this host's
            own or loopback addresses): SYN-ACK = open, RST = closed, silence after --retries = filtered, and the
            kernel resets the handshake itself. Writes the LAN report (section 6) with the network rules'
            findings. Credentials seen in clear are reported redacted: the secret is never stored or printed. Ctrl-C (SIGINT) or SIGTERM ends a live capture early and still
            analyses what was captured, flushes --write and writes the reports; a second Ctrl-C quits at once.
            A capture that cannot be read past some block is reported (file and byte offset), no LAN rule passes
            on it, and the run exits 1; one that ends inside a record (still being written) is a warning.

            Examples:
              capdo lan --pcap ward-lan.pcapng
              capdo lan --interface eth0 --duration 600 --filter 'not port 22' --write lan.pcap
              capdo lan --targets 192.0.2.0/24 --ports top100,3389,8291 --rate 500
              sudo capdo lan --targets 192.0.2.0/24 --ports 1-65535 --scan syn --rate 2000
            """)

    @OptionGroup var source: LanOptions

    @Option(name: .long, help: "Also write the LAN facts as a snapshot (JSON) for 'capdo evaluate'.")
    var snapshot: String?

    @OptionGroup var ruleSet: RuleSetOptions
    @OptionGroup var report: ReportOptions

    func run() async throws {
        try await CLIError.reported { try await execute() }
    }

    func execute() async throws {
        let session = try ReportSession(ruleSet: ruleSet, report: report)
        let config = session.config
        let clock = session.clock
        var loaded = try ruleSet.loadRuleSet(config: config, warn: Console.warn)
        loaded.onlyGroup = .network
        let (facts, issues) = try await source.collect(quiet: report.quiet)
        let host = HostSnapshot(
            collectedAt: facts.firstPacketTime ?? clock.now, root: facts.segment, live: source.interface != nil,
            lan: facts, issues: issues)
        if let snapshot {
            try SnapshotFile.write(host, to: snapshot)
        }
        let scanned = Set((source.targets ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        let systems = ScanAssembler.systems(config.systems, adding: host.hostName) { system in
            !scanned.isDisjoint(with: system.lanTargets)
        }
        let result = try ScanAssembler.evaluate(
            [host], ruleSet: loaded, organisation: config.organisation ?? .unspecified, startedAt: clock.startedAt,
            now: clock.finished(), systems: systems
        ).result
        try session.finish(
            result, stem: ReportWriter.stem(host: "lan-" + Self.slug(facts.segment), date: clock.now),
            lead:
                "LAN: \(facts.counters.packets) packets, \(facts.hosts.count) hosts, \(facts.services.count) services, "
                + "\(facts.credentials.count) cleartext credentials (redacted)")
    }

    static func slug(_ text: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_")
        let mapped = String(text.map { allowed.contains($0) ? $0 : "-" })
        return String(mapped.prefix(60))
    }
}
