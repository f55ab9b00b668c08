import CapdoCore

/// Name services: DNS, and the multicast/broadcast ones a hardened segment should not carry (mDNS, LLMNR, NBNS).
/// A datagram too short for the 12-byte header is counted as truncated, not as the protocol.
struct NameServiceObserver: PacketObserver {
    private var dns = ProtocolTally("dns")
    private var mdns = ProtocolTally("mdns")
    private var llmnr = ProtocolTally("llmnr")
    private var nbns = ProtocolTally("nbns")
    private var truncated: [String: Int] = [:]

    @inline(__always) mutating func observe(_ packet: ObservedPacket, credentials: inout CredentialLog) {
        guard packet.isUDP else { return }
        switch packet.udpService {
        case .mdns: Self.count(packet, in: &mdns, truncated: &truncated)
        case .llmnr: Self.count(packet, in: &llmnr, truncated: &truncated)
        case .nbns: Self.count(packet, in: &nbns, truncated: &truncated)
        case .dns: Self.count(packet, in: &dns, truncated: &truncated)
        default: break
        }
    }

    private static func count(
        _ packet: ObservedPacket, in tally: inout ProtocolTally, truncated: inout [String: Int]
    ) {
        guard packet.payload.count >= 12 else {
            truncated[tally.name, default: 0] += 1
            return
        }
        tally.add(packet, sourceOnly: true)
    }

    func contribute(to facts: inout LanFacts) {
        for (name, count) in truncated { facts.counters.addSkipped("truncated_\(name)", count) }
        facts.addSeen(dns, mdns, llmnr, nbns)
    }
}
