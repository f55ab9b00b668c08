import CapdoCore

/// VLANs seen in 802.1Q/802.1ad tags: frames, distinct source addresses and MACs, and (from `lan.services`, which
/// `ServiceObserver` adds before this one) the services found in each.
struct VlanObserver: PacketObserver {
    static let limit = 4096
    /// Distinct addresses and MACs kept per VLAN, over all VLANs (beyond it a VLAN's counts are lower bounds).
    static let memberLimit = 262_144

    private struct Vlan {
        var packets = 0
        var firstPacket: Int
        var hosts: Set<IPAddress> = []
        var macs: Set<UInt64> = []
    }

    /// Keyed by tags << 28 | 802.1ad << 24 | outer << 12 | inner.
    private var vlans = KeyedTable<UInt32, Vlan>()
    private var members = 0
    private var overLimit = 0
    /// Senders recently counted, in slots chosen by a hash of (VLAN, address, MAC): most frames come from a few
    /// talkers that the sets already hold, and a hit skips both set lookups. A slot holds the whole sender, so a hit
    /// is exact; a sender is put in a slot only once the sets hold all of it.
    private var recent = [Sender](repeating: Sender(key: 0, source: .v4(0), mac: 0, hasSource: false), count: 1024)

    private struct Sender: Equatable {
        var key: UInt32
        var source: IPAddress
        var mac: UInt64
        var hasSource: Bool

        /// One of 1024 slots.
        @inline(__always) var slot: Int {
            let mixed =
                (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) ^ (source.low &* 0xC2B2_AE3D_27D4_EB4F) ^ source.high
                ^ (mac &* 0x1656_67B1_9E37_79F9)
            return Int(truncatingIfNeeded: mixed >> 54)
        }
    }

    @inline(__always) mutating func observe(_ packet: ObservedPacket, credentials: inout CredentialLog) {
        guard packet.headers.vlanTags > 0 else { return }
        note(packet, hasSource: packet.headers.network == .ipv4 || packet.headers.network == .ipv6)
    }

    mutating func observeUndecoded(_ packet: ObservedPacket) {
        guard packet.headers.vlanTags > 0 else { return }
        note(packet, hasSource: packet.headers.network == .ipv4 || packet.headers.network == .ipv6)
    }

    private mutating func note(_ packet: ObservedPacket, hasSource: Bool) {
        let number = packet.number
        let key =
            UInt32(min(packet.headers.vlanTags, 2)) << 28 | (packet.headers.serviceTag ? 1 << 24 : 0) | UInt32(
                packet.headers.outerVLAN)
            << 12
            | UInt32(packet.headers.vlanTags > 1 ? packet.headers.innerVLAN : 0)
        let index: Int
        if let found = vlans.slot(of: key) {
            index = found
        } else {
            guard vlans.count < Self.limit else {
                overLimit += 1
                return
            }
            index = vlans.insertIfAbsent(key, Vlan(firstPacket: number))
        }
        vlans[slot: index].packets += 1
        let source = packet.headers.source
        // Frames without an Ethernet source (cooked captures) have none to count: the slot's MAC says "none".
        let sender = Sender(
            key: key, source: source, mac: packet.headers.hasMAC ? packet.headers.sourceMAC : UInt64.max,
            hasSource: hasSource)
        let slot = sender.slot
        if recent[slot] == sender { return }
        guard members < Self.memberLimit else { return }
        if hasSource && !source.isGroupOrUnspecified && vlans[slot: index].hosts.insert(source).inserted {
            members += 1
        }
        if packet.headers.hasMAC && vlans[slot: index].macs.insert(packet.headers.sourceMAC).inserted { members += 1 }
        // The sets now hold this sender: a repeat would add nothing.
        recent[slot] = sender
    }

    func contribute(to facts: inout LanFacts) {
        var serviceAddresses: [String: Int] = [:]
        for service in facts.services { serviceAddresses[service.ip, default: 0] += 1 }
        facts.vlans = vlans.entries.sorted { $0.key < $1.key }.map { key, vlan -> LanVlan in
            let outer = key >> 12 & 0xFFF, inner = key & 0xFFF
            let id = key >> 28 > 1 ? "\(outer).\(inner)" : "\(outer)"
            let services = vlan.hosts.reduce(0) { $0 + serviceAddresses[$1.description, default: 0] }
            return LanVlan(
                id: id, tag: key >> 24 & 1 == 1 ? "802.1ad" : "802.1q", packets: vlan.packets,
                firstPacket: vlan.firstPacket, hosts: vlan.hosts.count, macs: vlan.macs.count, services: services)
        }
        facts.counters.addSkipped("vlans_over_limit", overLimit)
    }
}
