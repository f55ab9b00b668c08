import CapdoCore

/// DHCP servers: who sent offers and acknowledgements (more than one server on a segment may be a rogue), and what
/// each handed out: address, gateways, DNS servers, lease time, to which client, in which packet.
struct DhcpObserver: PacketObserver {
    static let serverLimit = 256
    /// Packet numbers kept per server.
    static let packetLimit = 10
    /// Replies kept in detail per server.
    static let replyLimit = 20

    private struct Server {
        var mac: UInt64?
        var offers = 0
        var acks = 0
        var packets: [Int] = []
        var replies: [LanDhcpReply] = []
    }

    private var servers: [IPAddress: Server] = [:]
    private var serversOverLimit = 0
    private var tally = ProtocolTally("dhcp")

    @inline(__always) mutating func observe(_ packet: ObservedPacket, credentials: inout CredentialLog) {
        guard packet.isUDP, packet.udpService == .dhcpReply else { return }
        record(packet)
    }

    private mutating func record(_ packet: ObservedPacket) {
        guard let message = DhcpMessage(packet.payload, operation: 2), message.type == 2 || message.type == 5 else {
            return
        }
        let server = message.serverIdentifier.map(IPAddress.v4) ?? packet.headers.source
        tally.add(packet: packet.number, source: server, destination: nil)
        guard servers.count < Self.serverLimit || servers[server] != nil else {
            serversOverLimit += 1
            return
        }
        var state = servers[server] ?? Server()
        if state.mac == nil, packet.headers.hasMAC { state.mac = packet.headers.sourceMAC }
        if message.type == 2 { state.offers += 1 } else { state.acks += 1 }
        if state.packets.count < Self.packetLimit { state.packets.append(packet.number) }
        if state.replies.count < Self.replyLimit {
            let address = { (value: UInt32) in IPAddress.v4(value).description }
            state.replies.append(
                LanDhcpReply(
                    type: message.type == 2 ? "offer" : "ack", packet: packet.number,
                    clientMAC: message.clientMAC.map(MACAddress.string), address: address(message.yourAddress),
                    routers: message.routers.map(address), dnsServers: message.dnsServers.map(address),
                    leaseSeconds: message.leaseSeconds.map(Int.init), subnetMask: message.subnetMask.map(address)))
        }
        servers[server] = state
    }

    func contribute(to facts: inout LanFacts) {
        facts.dhcpServers += servers.keys.sorted().map { key -> LanDhcpServer in
            let state = servers[key]!
            var server = LanDhcpServer(
                ip: key.description, mac: state.mac.map(MACAddress.string), offers: state.offers, acks: state.acks,
                packets: state.packets)
            server.replies = state.replies
            return server
        }
        facts.counters.addSkipped("dhcp_servers_over_limit", serversOverLimit)
        facts.addSeen(tally)
    }
}
