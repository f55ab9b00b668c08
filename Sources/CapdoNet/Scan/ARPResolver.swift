import CapdoCore
import Foundation

/// Resolves IPv4 next hops to Ethernet addresses: the kernel's neighbour table first, then our own ARP requests
/// (sent with `pcap_inject`, answers read on the same handle).
struct ARPResolver {
    let handle: PcapHandle
    let interface: String
    let sourceMAC: UInt64
    let source: UInt32
    var timeout: Double
    var retries: Int
    /// Requests per second (the scan's --rate); 0 = unlimited.
    var rate: Int = 0

    /// MAC for each next hop that answered; a missing key did not answer any of `retries + 1` requests.
    func resolve(_ hops: Set<UInt32>) throws -> [UInt32: UInt64] {
        let known = NeighbourTable.read(interface: interface)
        var found = known.filter { hops.contains($0.key) }
        var missing = hops.subtracting(found.keys)
        guard !missing.isEmpty else { return found }
        try handle.setFilter("arp")
        var collector = Collector(decoder: PacketDecoder(dlt: handle.linkType))
        for _ in 0...max(0, retries) where !missing.isEmpty {
            for hop in missing.sorted() {
                while try !handle.injectUnlessBusy(Self.request(for: hop, from: source, mac: sourceMAC)) {
                    usleep(1000)
                }
                if rate > 0 && missing.count > 1 { usleep(useconds_t(1_000_000 / rate)) }
            }
            let deadline = SynScanner.now() + timeout
            while !missing.isEmpty, SynScanner.now() < deadline {
                handle.waitForPackets(milliseconds: Int32((deadline - SynScanner.now()) * 1000) + 1)
                if let error = handle.readAvailable(limit: 1024, into: &collector) {
                    throw CapdoError(.capture, "Cannot read ARP replies on '\(interface)'.", cause: error)
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

    /// An ARP request "who has `target`? tell `source`", broadcast.
    static func request(for target: UInt32, from source: UInt32, mac: UInt64) -> [UInt8] {
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

    /// Collects ARP replies (sender address → sender MAC).
    struct Collector: PacketSink {
        let decoder: PacketDecoder?
        var answers: [(UInt32, UInt64)] = []
        var packet = DecodedPacket()

        mutating func consume(_ record: PacketRecord) {
            guard let decoder, decoder.decode(record.bytes, into: &packet) == nil, packet.network == .arp,
                packet.arpOperation == 2, packet.arpSenderMAC != 0
            else { return }
            answers.append((packet.arpSenderIP, packet.arpSenderMAC))
        }
    }
}
