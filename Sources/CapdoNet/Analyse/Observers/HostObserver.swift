import CapdoCore
import Foundation

/// The hosts on the segment: every IPv4/IPv6 source (also of packets that did not decode to the end) and every ARP
/// sender, with its MAC, first and last time, first packet and packet count.
struct HostObserver: PacketObserver {
    static let limit = 65_536
    /// Distinct hosts counted beyond `limit` (not listed); past this many the count is a lower bound.
    static let overflowCountLimit = 1 << 20

    private struct Host {
        var address: IPAddress
        var mac: UInt64
        var hasMAC: Bool
        var first: Double
        var last: Double
        var firstPacket: Int
        var packets: Int
    }

    private var index: [IPAddress: Int] = [:]
    private var hosts: [Host] = []
    /// Hosts seen after the table was full: only counted.
    private var overflow = Set<IPAddress>()
    private var lastHost = -1
    private var previousHost = -1

    @inline(__always) mutating func observe(_ packet: ObservedPacket, credentials: inout CredentialLog) {
        switch packet.headers.network {
        case .ipv4, .ipv6:
            note(packet.headers.source, mac: packet.headers.sourceMAC, hasMAC: packet.headers.hasMAC, packet)
        case .arp:
            if packet.isARPClaim {
                note(.v4(packet.headers.arpSenderIP), mac: packet.headers.arpSenderMAC, hasMAC: true, packet)
            }
        case .none:
            break
        }
    }

    /// An IP header decoded before the failure still names a host that was seen.
    mutating func observeUndecoded(_ packet: ObservedPacket) {
        let headers = packet.headers
        if headers.network == .ipv4 || headers.network == .ipv6 {
            note(headers.source, mac: headers.sourceMAC, hasMAC: headers.hasMAC, packet)
        }
    }

    private mutating func note(_ address: IPAddress, mac: UInt64, hasMAC: Bool, _ packet: ObservedPacket) {
        if address.isGroupOrUnspecified { return }
        let time = packet.time
        // Two-entry cache: a conversation alternates between two sources, so most packets skip the hash lookup.
        if lastHost >= 0 && hosts[lastHost].address == address {
            hosts[lastHost].last = max(hosts[lastHost].last, time)
            hosts[lastHost].packets += 1
            return
        }
        if previousHost >= 0 && hosts[previousHost].address == address {
            hosts[previousHost].last = max(hosts[previousHost].last, time)
            hosts[previousHost].packets += 1
            swap(&lastHost, &previousHost)
            return
        }
        if let found = index[address] {
            hosts[found].last = max(hosts[found].last, time)
            hosts[found].packets += 1
            previousHost = lastHost
            lastHost = found
            return
        }
        guard hosts.count < Self.limit else {
            if overflow.count < Self.overflowCountLimit { overflow.insert(address) }
            return
        }
        index[address] = hosts.count
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
            LanHost(
                ip: $0.address.description, mac: $0.hasMAC ? MACAddress.string($0.mac) : nil, firstSeen: date($0.first),
                lastSeen: date($0.last), firstPacket: $0.firstPacket, packets: $0.packets)
        }
    }
}
