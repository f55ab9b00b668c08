import CapdoCore
import Foundation

/// The hosts on the segment: every IPv4/IPv6 source (also of packets that did not decode to the end) and every ARP
/// sender, with its MAC (and any other MAC that used or claimed the address), first and last time, first packet and
/// packet count; and the MACs seen only without an address of their own (non-IP frames, ARP probes, 0.0.0.0).
struct HostObserver: PacketObserver {
    static let limit = 65_536
    /// Distinct hosts counted beyond `limit` (not listed); past this many the count is a lower bound.
    static let overflowCountLimit = 1 << 20
    /// Other MACs kept per host.
    static let otherMACLimit = 8
    /// MACs without an address kept.
    static let macOnlyLimit = 4_096

    private struct Host {
        var address: IPAddress
        var mac: UInt64
        var hasMAC: Bool
        var first: Double
        var last: Double
        var firstPacket: Int
        var packets: Int
        var otherMACs: [UInt64] = []
    }

    private struct MACOnly {
        var first: Double
        var last: Double
        var firstPacket: Int
        var packets: Int
        var arp: Bool
    }

    private var index = KeyedTable<IPAddress, Int>()
    private var hosts: [Host] = []
    /// Hosts seen after the table was full: only counted.
    private var overflow = Set<IPAddress>()
    private var lastHost = -1
    private var previousHost = -1
    private var macOnly: [UInt64: MACOnly] = [:]
    private var macOnlyOverLimit = 0

    @inline(__always) mutating func observe(_ packet: ObservedPacket, credentials: inout CredentialLog) {
        switch packet.headers.network {
        case .ipv4, .ipv6:
            note(packet.headers.source, mac: packet.headers.sourceMAC, hasMAC: packet.headers.hasMAC, packet)
        case .arp:
            if packet.isARPClaim {
                note(.v4(packet.headers.arpSenderIP), mac: packet.headers.arpSenderMAC, hasMAC: true, packet)
            } else if packet.headers.arpSenderMAC != 0 {
                noteMACOnly(packet.headers.arpSenderMAC, arp: true, packet)
            }
        case .none:
            if packet.headers.hasMAC { noteMACOnly(packet.headers.sourceMAC, arp: false, packet) }
        }
    }

    /// An IP header decoded before the failure still names a host that was seen.
    mutating func observeUndecoded(_ packet: ObservedPacket) {
        let headers = packet.headers
        if headers.network == .ipv4 || headers.network == .ipv6 {
            note(headers.source, mac: headers.sourceMAC, hasMAC: headers.hasMAC, packet)
        } else if headers.network == .none && headers.hasMAC {
            noteMACOnly(headers.sourceMAC, arp: false, packet)
        }
    }

    /// A MAC seen in a frame that names no address of its own; multicast sources (invalid) are ignored.
    private mutating func noteMACOnly(_ mac: UInt64, arp: Bool, _ packet: ObservedPacket) {
        guard mac & 0x0100_0000_0000 == 0 else { return }
        if var known = macOnly[mac] {
            known.last = max(known.last, packet.time)
            known.packets += 1
            known.arp = known.arp || arp
            macOnly[mac] = known
        } else if macOnly.count < Self.macOnlyLimit {
            macOnly[mac] = MACOnly(
                first: packet.time, last: packet.time, firstPacket: packet.number, packets: 1, arp: arp)
        } else {
            macOnlyOverLimit += 1
        }
    }

    /// Keeps `mac` among the host's other MACs when it is not the first one seen with the address.
    @inline(__always) private mutating func noteMAC(_ host: Int, _ mac: UInt64, _ hasMAC: Bool) {
        guard hasMAC, mac != hosts[host].mac, hosts[host].hasMAC else { return }
        if !hosts[host].otherMACs.contains(mac) && hosts[host].otherMACs.count < Self.otherMACLimit {
            hosts[host].otherMACs.append(mac)
        }
    }

    private mutating func note(_ address: IPAddress, mac: UInt64, hasMAC: Bool, _ packet: ObservedPacket) {
        if address.isGroupOrUnspecified {
            if hasMAC && address.high == 0 && address.low == 0 { noteMACOnly(mac, arp: false, packet) }
            return
        }
        let time = packet.time
        // Two-entry cache: a conversation alternates between two sources, so most packets skip the hash lookup.
        if lastHost >= 0 && hosts[lastHost].address == address {
            hosts[lastHost].last = max(hosts[lastHost].last, time)
            hosts[lastHost].packets += 1
            noteMAC(lastHost, mac, hasMAC)
            return
        }
        if previousHost >= 0 && hosts[previousHost].address == address {
            hosts[previousHost].last = max(hosts[previousHost].last, time)
            hosts[previousHost].packets += 1
            noteMAC(previousHost, mac, hasMAC)
            swap(&lastHost, &previousHost)
            return
        }
        if let found = index[address] {
            hosts[found].last = max(hosts[found].last, time)
            hosts[found].packets += 1
            noteMAC(found, mac, hasMAC)
            previousHost = lastHost
            lastHost = found
            return
        }
        guard hosts.count < Self.limit else {
            if overflow.count < Self.overflowCountLimit { overflow.insert(address) }
            return
        }
        index.insertIfAbsent(address, hosts.count)
        hosts.append(
            Host(
                address: address, mac: mac, hasMAC: hasMAC, first: time, last: time, firstPacket: packet.number,
                packets: 1))
        previousHost = lastHost
        lastHost = hosts.count - 1
    }

    func contribute(to facts: inout LanFacts) {
        if !overflow.isEmpty { facts.counters.hostsOverLimit = overflow.count }
        let date = { (time: Double) in Date(timeIntervalSince1970: time) }
        facts.hosts += hosts.sorted { $0.address < $1.address }.map {
            var host = LanHost(
                ip: $0.address.description, mac: $0.hasMAC ? MACAddress.string($0.mac) : nil, firstSeen: date($0.first),
                lastSeen: date($0.last), firstPacket: $0.firstPacket, packets: $0.packets)
            host.otherMACs = $0.otherMACs.isEmpty ? nil : $0.otherMACs.map(MACAddress.string)
            return host
        }
        let addressed = Set(hosts.filter(\.hasMAC).flatMap { [$0.mac] + $0.otherMACs })
        let unaddressed = macOnly.keys.filter { !addressed.contains($0) }.sorted().map { mac -> LanMACOnly in
            let seen = macOnly[mac]!
            return LanMACOnly(
                mac: MACAddress.string(mac), firstSeen: date(seen.first), lastSeen: date(seen.last),
                firstPacket: seen.firstPacket, packets: seen.packets, seenIn: seen.arp ? ["arp"] : ["ethernet"])
        }
        if !unaddressed.isEmpty { facts.macOnly = (facts.macOnly ?? []) + unaddressed }
        facts.counters.addSkipped("mac_only_over_limit", macOnlyOverLimit)
    }
}
