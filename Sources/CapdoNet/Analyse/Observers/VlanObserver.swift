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
    private var vlans: [UInt32: Vlan] = [:]
    private var members = 0
    private var overLimit = 0
    /// The last VLAN and source seen: a burst of one host's frames costs one comparison each.
    private var lastKey: UInt32 = 0
    private var lastSource = IPAddress(high: 0, low: 0, isV6: false)
    private var lastMAC: UInt64 = 0

    @inline(__always) mutating func observe(_ packet: ObservedPacket, credentials: inout CredentialLog) {
        let headers = packet.headers
        guard headers.vlanTags > 0 else { return }
        note(headers, packet.number, hasSource: headers.network == .ipv4 || headers.network == .ipv6)
    }

    mutating func observeUndecoded(_ packet: ObservedPacket) {
        let headers = packet.headers
        guard headers.vlanTags > 0 else { return }
        note(headers, packet.number, hasSource: headers.network == .ipv4 || headers.network == .ipv6)
    }

    private mutating func note(_ headers: DecodedPacket, _ number: Int, hasSource: Bool) {
        let key =
            UInt32(min(headers.vlanTags, 2)) << 28 | (headers.serviceTag ? 1 << 24 : 0) | UInt32(headers.outerVLAN)
            << 12
            | UInt32(headers.vlanTags > 1 ? headers.innerVLAN : 0)
        guard let index = vlans.index(forKey: key) else {
            guard vlans.count < Self.limit else {
                overLimit += 1
                return
            }
            vlans[key] = Vlan(firstPacket: number)
            lastKey = 0
            return note(headers, number, hasSource: hasSource)
        }
        vlans.values[index].packets += 1
        let source = headers.source
        if key == lastKey && source == lastSource && headers.sourceMAC == lastMAC { return }
        (lastKey, lastSource, lastMAC) = (key, source, headers.sourceMAC)
        guard members < Self.memberLimit else { return }
        if hasSource && !source.isGroupOrUnspecified && vlans.values[index].hosts.insert(source).inserted {
            members += 1
        }
        if headers.hasMAC && vlans.values[index].macs.insert(headers.sourceMAC).inserted { members += 1 }
    }

    func contribute(to facts: inout LanFacts) {
        var serviceAddresses: [String: Int] = [:]
        for service in facts.services { serviceAddresses[service.ip, default: 0] += 1 }
        facts.vlans = vlans.keys.sorted().map { key -> LanVlan in
            let vlan = vlans[key]!
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
