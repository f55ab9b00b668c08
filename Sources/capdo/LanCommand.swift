import ArgumentParser
import CapdoApp
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
            CAP_NET_RAW; IPv4 and IPv6 targets reached over an Ethernet interface, next hop resolved by ARP or IPv6
            neighbour solicitation; IPv6 prefixes up to /120; not this host's own or loopback addresses): SYN-ACK = open, RST = closed, silence after --retries = filtered, and the
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
              sudo capdo lan --targets 2001:db8:10::/120,2001:db8::5 --ports top100 --scan syn
              capdo lan --pcap ward-lan.pcapng --tls
            """)

    @OptionGroup var source: LanOptions

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Also probe, as 'capdo tls' does, the TCP services found on TLS ports (443, 8443, 993, …): only "
                + "addresses the capture or scan proved; the TLS rules judge certificates and protocols."))
    var tls = false

    @Option(name: .long, help: "Also write the LAN facts as a snapshot (JSON) for 'capdo evaluate'.")
    var snapshot: String?

    @OptionGroup var ruleSet: RuleSetOptions
    @OptionGroup var report: ReportOptions

    func run() async throws {
        try await ErrorReport.reported {
            let session = try report.session(config: ruleSet.config)
            let showProgress = !report.quiet && isatty(STDERR_FILENO) == 1
            let (result, stem, facts) = try await LanScan.run(
                source.source(quiet: report.quiet, showProgress: showProgress), snapshotPath: snapshot,
                ruleSet: ruleSet.choice, session: session, tls: tls ? LanTLSProbe() : nil, warn: Console.warn)
            try Console.finish(
                result, session: session, stem: stem,
                lead:
                    "LAN: \(facts.counters.packets) packets, \(facts.hosts.count) hosts, \(facts.services.count) services, "
                    + "\(facts.credentials.count) cleartext credentials (redacted)")
        }
    }
}
