import CapdoCore
import Foundation

/// Resolves next hops to Ethernet addresses: from the kernel's neighbour table first (`/proc/net/arp` for IPv4,
/// netlink for IPv6), then by our own ARP requests or neighbour solicitations (RFC 4861). Requests are sent with
/// `pcap_inject`, answers read on the same handle.
struct NeighbourResolver {
    let handle: PcapHandle
    let interface: String
    let sourceMAC: UInt64
    /// Our address on the interface, of the next hops' family: the ARP sender or the solicitation's source.
    let source: IPAddress
    var timeout: Double
    var retries: Int
    /// Requests per second (the scan's --rate); 0 = unlimited.
    var rate: Int = 0

    /// MAC for each next hop that answered; a missing key did not answer any of `retries + 1` requests.
    func resolve(_ hops: Set<IPAddress>) throws -> [IPAddress: UInt64] {
        var found: [IPAddress: UInt64] = [:]
        if source.isV6 {
            for (address, mac) in NeighbourTableV6.read(interface: interface) where hops.contains(address) {
                found[address] = mac
            }
        } else {
            for (address, mac) in NeighbourTable.read(interface: interface) where hops.contains(.v4(address)) {
                found[.v4(address)] = mac
            }
        }
        var missing = hops.subtracting(found.keys)
        guard !missing.isEmpty else { return found }
        try handle.setFilter(source.isV6 ? "icmp6" : "arp")
        var collector = Collector(decoder: PacketDecoder(dlt: handle.linkType))
        for _ in 0...max(0, retries) where !missing.isEmpty {
            for hop in missing.sorted() {
                while try !handle.injectUnlessBusy(request(for: hop)) { usleep(1000) }
                if rate > 0 && missing.count > 1 { usleep(useconds_t(1_000_000 / rate)) }
            }
            let deadline = SynScanner.now() + timeout
            while !missing.isEmpty, SynScanner.now() < deadline {
                handle.waitForPackets(milliseconds: Int32((deadline - SynScanner.now()) * 1000) + 1)
                if let error = handle.readAvailable(limit: 1024, into: &collector) {
                    throw CapdoError(.capture, "Cannot read neighbour answers on '\(interface)'.", cause: error)
                }
                for (address, mac) in collector.answers where missing.contains(address) {
                    found[address] = mac
                    missing.remove(address)
                }
                collector.answers.removeAll()
            }
        }
        return found
    }

    func request(for hop: IPAddress) -> [UInt8] {
        guard hop.isV6 else {
            return Self.arpRequest(
                for: UInt32(truncatingIfNeeded: hop.low), from: UInt32(truncatingIfNeeded: source.low),
                mac: sourceMAC)
        }
        return NeighbourSolicitation(target: hop, source: source, sourceMAC: sourceMAC).bytes
    }

    /// An ARP request "who has `target`? tell `source`", broadcast.
    static func arpRequest(for target: UInt32, from source: UInt32, mac: UInt64) -> [UInt8] {
        var frame: [UInt8] = []
        frame.reserveCapacity(42)
        SynFrame.append48(0xFFFF_FFFF_FFFF, to: &frame)
        SynFrame.append48(mac, to: &frame)
        SynFrame.append16(0x0806, to: &frame)
        frame += [0, 1, 0x08, 0x00, 6, 4, 0, 1]
        SynFrame.append48(mac, to: &frame)
        SynFrame.append32(source, to: &frame)
        SynFrame.append48(0, to: &frame)
        SynFrame.append32(target, to: &frame)
        return frame
    }

    /// Collects ARP replies and neighbour advertisements (sender address → sender MAC).
    struct Collector: PacketSink {
        let decoder: PacketDecoder?
        var answers: [(IPAddress, UInt64)] = []
        var packet = DecodedPacket()

        mutating func consume(_ record: PacketRecord) {
            guard let decoder, decoder.decode(record.bytes, into: &packet) == nil else { return }
            if packet.network == .arp {
                guard packet.arpOperation == 2, NeighbourSolicitation.isUnicast(packet.arpSenderMAC) else { return }
                answers.append((.v4(packet.arpSenderIP), packet.arpSenderMAC))
            } else if let answer = NeighbourSolicitation.advertisement(in: packet, bytes: record.bytes) {
                answers.append(answer)
            }
        }
    }
}
