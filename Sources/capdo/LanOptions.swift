import ArgumentParser
import CapdoApp
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

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Targets to scan actively: IPv4 CIDR ranges, IPv6 prefixes (/120 to /128), addresses, host names, "
                + "comma-separated."))
    var targets: String?

    @Option(name: .long, help: "Ports to scan: 1-1024,3389,top100 (default top100).")
    var ports: String = "top100"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "How to probe --targets: connect (default: TCP connects, any user) or syn (half-open SYN over libpcap: "
                + "root or CAP_NET_RAW, IPv4 or IPv6 on an Ethernet interface, not this host's own or loopback addresses).",
            valueName: "connect|syn"))
    var scan: ScanMethod = .connect

    @Option(
        name: .customLong("scan-interface"),
        help: ArgumentHelp(
            "Interface --scan syn sends on (default: the one the routing table gives each target); needed for a "
                + "link-local IPv6 target when several interfaces carry fe80::/64.",
            valueName: "IF"))
    var scanInterface: String?

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
        if scanInterface != nil && (targets == nil || scan != .syn) {
            throw ValidationError("--scan-interface applies to --targets with --scan syn")
        }
        guard rate >= 0 else { throw ValidationError("--rate must be 0 (unlimited) or a positive number") }
        guard timeout > 0, timeout <= 60, (0...5).contains(retries) else {
            throw ValidationError("--timeout must be in (0, 60] seconds and --retries in 0...5")
        }
    }

    /// The LAN source these options name; progress lines go to standard error when `showProgress`.
    func source(quiet: Bool, showProgress: Bool) -> LanSource {
        var source = LanSource(pcap: pcap)
        source.interface = interface
        source.duration = duration
        source.filter = filter
        source.write = write
        source.targets = targets
        source.ports = ports
        source.scan = scan
        source.rate = rate
        source.timeout = timeout
        source.retries = retries
        source.scanInterface = scanInterface
        source.authorised = authorised
        source.quiet = quiet
        source.warn = Console.warn
        if showProgress {
            source.progress = { done, total in
                FileHandle.standardError.write(Data("\rcapdo: scanned \(done)/\(total) probes".utf8))
            }
            source.progressEnded = { FileHandle.standardError.write(Data("\n".utf8)) }
        }
        return source
    }
}

extension ScanMethod: ExpressibleByArgument {}
