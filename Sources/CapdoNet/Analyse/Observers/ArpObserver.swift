import CapdoCore

/// ARP: which MACs claimed each IPv4 address (two or more is a conflict: spoofing or a misconfiguration).
struct ArpObserver: PacketObserver {
    /// Addresses whose claims are kept.
    static let addressLimit = 65_536
    /// Distinct MACs kept per address.
    static let claimLimit = 8

    private var claims: [UInt32: [(mac: UInt64, packet: Int)]] = [:]
    private var claimsOverLimit = 0
    private var tally = ProtocolTally("arp")

    @inline(__always) mutating func observe(_ packet: ObservedPacket, credentials: inout CredentialLog) {
        guard packet.isARPClaim else { return }
        let address = packet.headers.arpSenderIP, mac = packet.headers.arpSenderMAC
        var known = claims[address, default: []]
        if !known.contains(where: { $0.mac == mac }), known.count < Self.claimLimit {
            if claims.count < Self.addressLimit || claims[address] != nil {
                known.append((mac, packet.number))
                claims[address] = known
            } else {
                claimsOverLimit += 1
            }
        }
        tally.add(packet: packet.number, source: nil, destination: nil)
    }

    func contribute(to facts: inout LanFacts) {
        facts.arpConflicts += claims.keys.sorted().compactMap { ip -> LanArpConflict? in
            guard let macs = claims[ip], macs.count > 1 else { return nil }
            return LanArpConflict(
                ip: IPAddress.v4(ip).description, macs: macs.map { MACAddress.string($0.mac) },
                packets: macs.map(\.packet))
        }
        facts.counters.addSkipped("arp_claims_over_limit", claimsOverLimit)
        facts.addSeen(tally)
    }
}
