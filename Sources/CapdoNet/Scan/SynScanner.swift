import CapdoCore
import Foundation

/// TCP SYN ("half-open") scan over libpcap, IPv4 on Ethernet, root or CAP_NET_RAW only.
///
/// Frames are built here and sent with `pcap_inject`; the next hop's MAC comes from the kernel's neighbour table or
/// our own ARP request; replies are read on the same handle through a BPF filter and recognised by a keyed-hash
/// sequence number (`SynCookie`). SYN-ACK = open, RST = closed, no answer after the retries = filtered. capdo never
/// completes a handshake: no socket exists for the probe, so the kernel answers the target's SYN-ACK with a RST
/// itself, which is expected and harmless.
public struct SynScanner: Sendable {
    /// Probes per second; 0 = unlimited.
    public var rate: Int
    public var timeout: Double
    public var retries: Int
    /// Interface to send on; nil = the one the routing table gives for the targets.
    public var interface: String?

    public init(rate: Int = 300, timeout: Double = 1.0, retries: Int = 1, interface: String? = nil) {
        self.rate = rate
        self.timeout = timeout
        self.retries = retries
        self.interface = interface
    }

    /// Refuses what a SYN scan cannot do, before anything is sent: no privilege, IPv6 or loopback targets.
    public static func check(_ targets: TargetSpec) throws {
        guard RawPacketAccess.isAvailable else {
            throw CapdoError(
                .usage,
                "--scan syn sends raw packets and needs root or CAP_NET_RAW (sudo setcap cap_net_raw,cap_net_admin=eip "
                    + "$(command -v capdo)); without them use --scan connect.")
        }
        if let v6 = targets.addresses.first(where: \.isV6) {
            throw CapdoError(
                .usage, "--scan syn is IPv4 only (target \(v6.description)); scan IPv6 hosts with --scan connect.")
        }
        for address in targets.addresses {
            let value = UInt32(truncatingIfNeeded: address.low)
            let own = (try? ScanRoute.sourceAddress(for: value)) == value
            if value >> 24 == 127 || own {
                throw CapdoError(
                    .usage,
                    "--scan syn cannot scan \(address.description): it is a loopback address or this host's own, "
                        + "reached through 'lo', where the kernel drops injected SYNs. Use --scan connect for it.")
            }
        }
    }

    public func scan(
        _ targets: TargetSpec, ports: PortSpec, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> LanFacts {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try scanBlocking(targets, ports: ports, progress: progress) })
            }.start()
        }
    }

    func scanBlocking(_ targets: TargetSpec, ports: PortSpec, progress: (@Sendable (Int, Int) -> Void)?) throws
        -> LanFacts
    {
        try Self.check(targets)
        let start = Self.now()
        let addresses = targets.addresses.map { UInt32(truncatingIfNeeded: $0.low) }
        var routes: [ScanRoute] = []
        for address in addresses {
            var route = try ScanRoute.find(address)
            if let interface { route.interface = interface }
            routes.append(route)
        }
        let interfaces = Set(routes.map(\.interface))
        guard interfaces.count == 1, let device = interfaces.first, let source = routes.first?.source else {
            throw CapdoError(
                .usage,
                "The targets are reached through several interfaces (\(interfaces.sorted().joined(separator: ", "))); "
                    + "scan each interface's targets separately.")
        }
        let handle = try PcapHandle.openLive(
            interface: device, filter: nil, promiscuous: false, snapshotLength: 256, bufferSize: 32 << 20)
        guard handle.linkType == 1, let sourceMAC = ScanRoute.hardwareAddress(of: device), sourceMAC != 0 else {
            throw CapdoError(
                .usage,
                "--scan syn needs an Ethernet interface; '\(device)' is \(handle.linkTypeName). Use --scan connect.")
        }
        let resolver = ARPResolver(
            handle: handle, interface: device, sourceMAC: sourceMAC, source: source, timeout: min(timeout, 1),
            retries: max(retries, 1), rate: rate)
        let macs = try resolver.resolve(Set(routes.map(\.nextHop)))
        let destinationMACs = routes.map { macs[$0.nextHop] }

        let attempts = retries + 1
        let portBase = UInt16.random(in: 61_000...(65_535 - 8))
        let cookie = SynCookie()
        try handle.setFilter(
            "tcp and dst host \(IPAddress.v4(source).description) and dst portrange \(portBase)-\(portBase + 7)")
        var run = SynScanRun(
            scanner: self, handle: handle, addresses: addresses, ports: ports.ports, destinationMACs: destinationMACs,
            sourceMAC: sourceMAC, source: source, portBase: portBase, attempts: attempts, cookie: cookie)
        try run.loop(progress: progress)

        let services = run.open.sorted { ($0.target, $0.port) < ($1.target, $1.port) }.map {
            LanService(
                ip: IPAddress.v4(addresses[$0.target]).description, port: Int($0.port), protocol: "tcp",
                name: WellKnownPorts.name(Int($0.port), transport: "tcp"), method: "syn")
        }
        let hosts = run.answered.sorted().map { LanHost(ip: IPAddress.v4(addresses[$0]).description) }
        let info = LanScanInfo(
            method: "syn", targets: targets.text, ports: ports.text, addresses: addresses.count, probes: run.probes,
            rate: rate, seconds: Self.now() - start, closed: run.closed, filtered: run.filtered.count + run.unreachable,
            portRanges: ports.ranges)
        return LanFacts(
            segment: "scan " + targets.text.joined(separator: ","), mode: "scan", hosts: hosts, services: services,
            scan: info)
    }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
