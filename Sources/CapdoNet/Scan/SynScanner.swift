import CapdoCore
import Foundation

/// TCP SYN ("half-open") scan over libpcap, IPv4 and IPv6 on Ethernet, root or CAP_NET_RAW only.
///
/// Frames are built here and sent with `pcap_inject`; the next hop's MAC comes from the kernel's neighbour table or
/// our own ARP request (IPv4), or our own neighbour solicitation (IPv6); replies are read on the same handle through a BPF filter and recognised by a keyed-hash
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

    /// Refuses what a SYN scan cannot do, before anything is sent: no privilege, loopback, this host's own or IPv6
    /// group addresses.
    public static func check(_ targets: TargetSpec) throws {
        guard RawPacketAccess.isAvailable else {
            throw CapdoError(
                .usage,
                "--scan syn sends raw packets and needs root or CAP_NET_RAW (sudo setcap cap_net_raw,cap_net_admin=eip "
                    + "$(command -v capdo)); without them use --scan connect.")
        }
        for address in targets.addresses {
            if address.isV6 && address.isGroupOrUnspecified {
                throw CapdoError(
                    .usage,
                    "--scan syn cannot scan \(address.description): it is a multicast or unspecified address, not a host."
                )
            }
            let loopback =
                address.isV6
                ? address.high == 0 && address.low == 1 : UInt32(truncatingIfNeeded: address.low) >> 24 == 127
            if loopback || (try? ScanRoute.sourceAddress(for: address)) == address {
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

    /// IPv4 targets first, then IPv6 ones, each family on its own handle and source address; one set of facts.
    func scanBlocking(_ targets: TargetSpec, ports: PortSpec, progress: (@Sendable (Int, Int) -> Void)?) throws
        -> LanFacts
    {
        try Self.check(targets)
        let start = Self.now()
        let families = [targets.addresses.filter { !$0.isV6 }, targets.addresses.filter(\.isV6)].filter { !$0.isEmpty }
        var done = 0
        let total = targets.addresses.count * ports.ports.count
        var runs: [SynScanRun] = []
        for addresses in families {
            let offset = done
            let run = try scanFamily(addresses, ports: ports) { settled, _ in progress?(offset + settled, total) }
            done += addresses.count * ports.ports.count
            runs.append(run)
        }
        var services: [LanService] = []
        var hosts: [LanHost] = []
        for run in runs {
            services += run.open.sorted { ($0.target, $0.port) < ($1.target, $1.port) }.map {
                LanService(
                    ip: run.addresses[$0.target].description, port: Int($0.port), protocol: "tcp",
                    name: WellKnownPorts.name(Int($0.port), transport: "tcp"), method: "syn")
            }
            hosts += run.answered.sorted().map { LanHost(ip: run.addresses[$0].description) }
        }
        let info = LanScanInfo(
            method: "syn", targets: targets.text, ports: ports.text, addresses: targets.addresses.count,
            probes: runs.reduce(0) { $0 + $1.probes }, rate: rate, seconds: Self.now() - start,
            closed: runs.reduce(0) { $0 + $1.closed },
            filtered: runs.reduce(0) { $0 + $1.filtered.count + $1.unreachable }, portRanges: ports.ranges)
        return LanFacts(
            segment: "scan " + targets.text.joined(separator: ","), mode: "scan", hosts: hosts, services: services,
            scan: info)
    }

    /// Scans `addresses` (all of one family): routes, next-hop MACs, then the send/read loop.
    func scanFamily(_ addresses: [IPAddress], ports: PortSpec, progress: (@Sendable (Int, Int) -> Void)?) throws
        -> SynScanRun
    {
        var routes: [ScanRoute] = []
        for address in addresses {
            routes.append(try ScanRoute.find(address, on: interface))
        }
        let interfaces = Set(routes.map(\.interface))
        guard interfaces.count == 1, let device = interfaces.first, let source = routes.first?.source else {
            throw CapdoError(
                .usage,
                "The targets are reached through several interfaces (\(interfaces.sorted().joined(separator: ", "))); "
                    + "scan each interface's targets separately.")
        }
        if let other = routes.first(where: { $0.source != source }) {
            throw CapdoError(
                .usage,
                "The targets need different source addresses (\(source.description), \(other.source.description)); "
                    + "scan them separately.")
        }
        let handle = try PcapHandle.openLive(
            interface: device, filter: nil, promiscuous: false, snapshotLength: 256, bufferSize: 32 << 20)
        guard handle.linkType == 1, let sourceMAC = ScanRoute.hardwareAddress(of: device), sourceMAC != 0 else {
            throw CapdoError(
                .usage,
                "--scan syn needs an Ethernet interface; '\(device)' is \(handle.linkTypeName). Use --scan connect.")
        }
        let hops = Set(routes.map(\.nextHop))
        // A link-local next hop (an IPv6 router) is solicited from our link-local address, as the kernel does.
        var solicitor = source
        if source.isV6, hops.contains(where: ScanRoute.isLinkLocal), let local = ScanRoute.linkLocalAddress(of: device)
        {
            solicitor = local
        }
        let resolver = NeighbourResolver(
            handle: handle, interface: device, sourceMAC: sourceMAC, source: solicitor, timeout: min(timeout, 1),
            retries: max(retries, 1), rate: rate)
        let macs = try resolver.resolve(hops)
        let destinationMACs = routes.map { macs[$0.nextHop] }

        let attempts = retries + 1
        let portBase = UInt16.random(in: 61_000...(65_535 - 8))
        try handle.setFilter(
            "tcp and dst host \(source.description) and dst portrange \(portBase)-\(portBase + 7)")
        var run = SynScanRun(
            scanner: self, handle: handle, addresses: addresses, ports: ports.ports, destinationMACs: destinationMACs,
            sourceMAC: sourceMAC, source: source, portBase: portBase, attempts: attempts, cookie: SynCookie())
        try run.loop(progress: progress)
        return run
    }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
