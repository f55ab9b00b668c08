import ArgumentParser
import CapdoCore
import CapdoNet
import Foundation

/// Where LAN facts come from: a capture file, a live interface, an active scan (any combination).
struct LanOptions: ParsableArguments {
    @Option(name: .long, help: "Capture file to analyse (pcap or pcapng).")
    var pcap: String?

    @Option(name: .long, help: "Interface to capture on live (needs root or CAP_NET_RAW).")
    var interface: String?

    @Option(name: .long, help: "Seconds to capture on --interface (default 30).")
    var duration: Double = 30

    @Option(name: .long, help: "BPF capture filter for --interface (e.g. 'not port 22').")
    var filter: String?

    @Option(name: .long, help: "Also save the live capture to this pcap file.")
    var write: String?

    @Option(name: .long, help: "Targets to scan actively: IPv4 CIDR ranges, addresses, host names, comma-separated.")
    var targets: String?

    @Option(name: .long, help: "Ports to scan: 1-1024,3389,top100 (default top100).")
    var ports: String = "top100"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "How to probe --targets: connect (default: TCP connects, any user) or syn (half-open SYN over libpcap: "
                + "root or CAP_NET_RAW, IPv4 on an Ethernet interface, not this host's own or loopback addresses).",
            valueName: "connect|syn"))
    var scan: ScanMethod = .connect

    @Option(name: .long, help: "Scan rate in probes per second (default 300; 0 = unlimited).")
    var rate: Int = 300

    @Option(name: .long, help: "Seconds to wait for each probe's answer (default 1).")
    var timeout: Double = 1

    @Option(name: .long, help: "Retries for probes that got no answer (default 1).")
    var retries: Int = 1

    @Flag(
        name: .customLong("i-have-authorisation"), help: "Confirm you are authorised to scan more than 256 addresses.")
    var authorised = false

    var anySource: Bool { pcap != nil || interface != nil || targets != nil }

    func validate() throws {
        guard anySource else { throw ValidationError("give --pcap FILE, --interface IF, or --targets LIST") }
        guard duration > 0, duration <= 86_400 else {
            throw ValidationError("--duration must be between 0 and 86400 seconds")
        }
        guard rate >= 0 else { throw ValidationError("--rate must be 0 (unlimited) or a positive number") }
        guard timeout > 0, timeout <= 60, (0...5).contains(retries) else {
            throw ValidationError("--timeout must be in (0, 60] seconds and --retries in 0...5")
        }
    }

    /// Reads, captures and scans as asked, and merges the facts; the issues are what the report must say about
    /// the reading (`CaptureReader.Outcome.issues`).
    func collect(quiet: Bool) async throws -> (facts: LanFacts, issues: [CollectionIssue]) {
        var parts: [LanFacts] = []
        var issues: [CollectionIssue] = []
        do {
            if let pcap {
                let outcome = try CaptureReader.read(path: pcap)
                if let warning = outcome.warning { Console.warn("warning: \(warning)") }
                parts.append(outcome.facts)
                issues += outcome.issues
            }
            if let interface {
                if !quiet { Console.warn("capdo: capturing on \(interface) for \(duration) s…") }
                let outcome = try await CaptureReader.capture(
                    interface: interface, duration: duration, filter: filter, writeTo: write)
                if let warning = outcome.warning { Console.warn("warning: \(warning)") }
                if CaptureInterruption.wasRequested && !quiet {
                    Console.warn("capdo: capture on \(interface) stopped by a signal; analysing what was captured")
                }
                parts.append(outcome.facts)
                issues += outcome.issues
            }
            if let targets {
                let spec = try TargetSpec(targets, authorised: authorised)
                let portSpec = try PortSpec(ports)
                let showProgress = !quiet && isatty(STDERR_FILENO) == 1
                let progress: @Sendable (Int, Int) -> Void = { done, total in
                    if showProgress {
                        FileHandle.standardError.write(Data("\rcapdo: scanned \(done)/\(total) probes".utf8))
                    }
                }
                let facts: LanFacts
                switch scan {
                case .connect:
                    facts = await ConnectScanner(rate: rate, timeout: timeout, retries: retries).scan(
                        spec, ports: portSpec, progress: progress)
                case .syn:
                    try SynScanner.check(spec)
                    facts = try await SynScanner(rate: rate, timeout: timeout, retries: retries).scan(
                        spec, ports: portSpec, progress: progress)
                }
                if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
                parts.append(facts)
            }
        } catch let error as CapdoError {
            throw error.code == .usage ? CLIError.usage(error.description) : CLIError.scanner(error.description)
        }
        return (Self.merge(parts), issues)
    }

    /// One fact set from several sources: hosts by address, services by endpoint and method.
    static func merge(_ parts: [LanFacts]) -> LanFacts {
        guard var merged = parts.first else { return LanFacts(segment: "lan", mode: "none") }
        for part in parts.dropFirst() {
            merged.segment += " + " + part.segment
            merged.mode += "+" + part.mode
            let known = Set(merged.hosts.map(\.ip))
            merged.hosts += part.hosts.filter { !known.contains($0.ip) }
            merged.services += part.services
            merged.credentials += part.credentials
            merged.dhcpServers += part.dhcpServers
            merged.arpConflicts += part.arpConflicts
            merged.protocolsSeen += part.protocolsSeen
            merged.scan = merged.scan ?? part.scan
            merged.linkType = merged.linkType ?? part.linkType
        }
        return merged
    }
}
