import CapdoCore

/// DHCP servers: who sent offers and acknowledgements (more than one server on a segment may be a rogue).
struct DhcpObserver: PacketObserver {
    static let serverLimit = 256
    /// Packet numbers kept per server.
    static let packetLimit = 10

    private struct Server {
        var mac: UInt64?
        var offers = 0
        var acks = 0
        var packets: [Int] = []
    }

    private var servers: [IPAddress: Server] = [:]
    private var serversOverLimit = 0
    private var tally = ProtocolTally("dhcp")

    @inline(__always) mutating func observe(_ packet: ObservedPacket, credentials: inout CredentialLog) {
        guard packet.isUDP, packet.udpService == .dhcpReply else { return }
        let payload = packet.payload
        guard payload.count >= 240, payload[0] == 2,
            payload.loadUnaligned(fromByteOffset: 236, as: UInt32.self) == UInt32(0x6382_5363).bigEndian
        else { return }
        var cursor = 240
        var messageType: UInt8 = 0
        var server = packet.headers.source
        while cursor < payload.count {
            let code = payload[cursor]
            if code == 255 { break }
            if code == 0 {
                cursor += 1
                continue
            }
            guard cursor + 1 < payload.count else { break }
            let length = Int(payload[cursor + 1])
            guard cursor + 2 + length <= payload.count else { break }
            if code == 53, length == 1 { messageType = payload[cursor + 2] }
            if code == 54, length == 4 {
                server = .v4(UInt32(bigEndian: payload.loadUnaligned(fromByteOffset: cursor + 2, as: UInt32.self)))
            }
            cursor += 2 + length
        }
        guard messageType == 2 || messageType == 5 else { return }
        var state = servers[server] ?? Server()
        if state.mac == nil, packet.headers.hasMAC { state.mac = packet.headers.sourceMAC }
        if messageType == 2 { state.offers += 1 } else { state.acks += 1 }
        if state.packets.count < Self.packetLimit { state.packets.append(packet.number) }
        if servers.count < Self.serverLimit || servers[server] != nil {
            servers[server] = state
        } else {
            serversOverLimit += 1
        }
        tally.add(packet: packet.number, source: server, destination: nil)
    }

    func contribute(to facts: inout LanFacts) {
        facts.dhcpServers += servers.keys.sorted().map { key -> LanDhcpServer in
            let state = servers[key]!
            return LanDhcpServer(
                ip: key.description, mac: state.mac.map(MACAddress.string), offers: state.offers, acks: state.acks,
                packets: state.packets)
        }
        facts.counters.addSkipped("dhcp_servers_over_limit", serversOverLimit)
        facts.addSeen(tally)
    }
}
