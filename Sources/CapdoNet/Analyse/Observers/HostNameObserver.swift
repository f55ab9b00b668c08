import CapdoCore
import Foundation

/// Host names: the addresses NBNS, LLMNR and mDNS messages bind names to, and the host name (option 12) DHCP
/// clients send; also every DHCP client hardware address, so a MAC that never got an address is still listed.
struct HostNameObserver: PacketObserver {
    /// Addresses (and DHCP clients) whose names are kept.
    static let hostLimit = 65_536
    /// Names kept per address or client.
    static let nameLimit = 8

    private struct Client {
        var names: [LanHostName] = []
        var requested: UInt32?
        var firstPacket: Int
        var first: Double
        var last: Double
        var packets = 0
    }

    private var byAddress: [IPAddress: [LanHostName]] = [:]
    private var clients: [UInt64: Client] = [:]
    private var overLimit = 0

    @inline(__always) mutating func observe(_ packet: ObservedPacket, credentials: inout CredentialLog) {
        guard packet.isUDP else { return }
        switch packet.udpService {
        case .mdns: NameRecords.addresses(packet.payload) { note($0, "mdns", $1, packet) }
        case .llmnr: NameRecords.addresses(packet.payload) { note($0, "llmnr", $1, packet) }
        case .nbns: NameRecords.netbios(packet.payload) { note($0, "nbns", $1, packet) }
        case .dhcpRequest: noteClient(packet)
        default: break
        }
    }

    private mutating func note(_ name: String, _ source: String, _ address: IPAddress, _ packet: ObservedPacket) {
        guard !address.isGroupOrUnspecified else { return }
        guard byAddress.count < Self.hostLimit || byAddress[address] != nil else {
            overLimit += 1
            return
        }
        var names = byAddress[address, default: []]
        if names.count < Self.nameLimit && !names.contains(where: { $0.name == name && $0.source == source }) {
            names.append(LanHostName(name: name, source: source, packet: packet.number))
            byAddress[address] = names
        }
    }

    private mutating func noteClient(_ packet: ObservedPacket) {
        guard let message = DhcpMessage(packet.payload, operation: 1), let mac = message.clientMAC else { return }
        guard clients.count < Self.hostLimit || clients[mac] != nil else {
            overLimit += 1
            return
        }
        var client =
            clients[mac] ?? Client(firstPacket: packet.number, first: packet.time, last: packet.time)
        client.last = max(client.last, packet.time)
        client.packets += 1
        if let requested = message.requestedAddress { client.requested = requested }
        if let name = message.hostName, client.names.count < Self.nameLimit,
            !client.names.contains(where: { $0.name == name })
        {
            client.names.append(LanHostName(name: name, source: "dhcp", packet: packet.number))
        }
        clients[mac] = client
    }

    /// Runs after `HostObserver` has listed the hosts: attaches names to them, and lists DHCP clients that are
    /// in no host's MACs among the MACs without an address.
    func contribute(to facts: inout LanFacts) {
        facts.counters.addSkipped("host_names_over_limit", overLimit)
        // Most captures carry no names: the host indexes below are text, costly for a capture of many hosts.
        guard !byAddress.isEmpty || !clients.isEmpty else { return }
        var hostByIP: [String: Int] = [:]
        var hostByMAC: [String: Int] = [:]
        for (index, host) in facts.hosts.enumerated() {
            hostByIP[host.ip] = index
            if let mac = host.mac { hostByMAC[mac] = hostByMAC[mac] ?? index }
        }
        func attach(_ names: [LanHostName], to index: Int) {
            var all = facts.hosts[index].names ?? []
            for name in names where !all.contains(where: { $0.name == name.name && $0.source == name.source }) {
                all.append(name)
            }
            facts.hosts[index].names = Array(all.prefix(Self.nameLimit))
        }
        for (address, names) in byAddress {
            if let index = hostByIP[address.description] { attach(names, to: index) }
        }
        var macOnly = facts.macOnly ?? []
        let date = { (time: Double) in Date(timeIntervalSince1970: time) }
        for mac in clients.keys.sorted() {
            let client = clients[mac]!
            let text = MACAddress.string(mac)
            if let index = hostByMAC[text] ?? client.requested.flatMap({ hostByIP[IPAddress.v4($0).description] }) {
                attach(client.names, to: index)
            } else if let index = macOnly.firstIndex(where: { $0.mac == text }) {
                if !macOnly[index].seenIn.contains("dhcp") { macOnly[index].seenIn.append("dhcp") }
                macOnly[index].names = client.names.isEmpty ? nil : client.names
            } else if !facts.hosts.contains(where: { $0.otherMACs?.contains(text) == true }) {
                var entry = LanMACOnly(
                    mac: text, firstSeen: date(client.first), lastSeen: date(client.last),
                    firstPacket: client.firstPacket, packets: client.packets, seenIn: ["dhcp"])
                entry.names = client.names.isEmpty ? nil : client.names
                macOnly.append(entry)
            }
        }
        macOnly.sort { $0.mac < $1.mac }
        facts.macOnly = macOnly.isEmpty ? nil : macOnly
    }
}
