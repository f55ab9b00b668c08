import CapdoCore

/// SNMP: who spoke it, and each v1/v2c message's community as a credential (only whether it is a well-known default
/// is kept, never the community itself).
struct SnmpObserver: PacketObserver {
    private var snmp = ProtocolTally("snmp")

    @inline(__always) mutating func observe(_ packet: ObservedPacket, credentials: inout CredentialLog) {
        guard packet.isUDP, packet.udpService == .snmp else { return }
        let headers = packet.headers
        snmp.add(packet)
        guard let message = CredentialParser.snmp(packet.payload) else { return }
        credentials.record(
            LanCredential(
                protocol: message.version == 0 ? "snmp_v1" : "snmp_v2c", client: headers.source.description,
                server: "\(headers.destination.description):\(headers.destinationPort)", packet: packet.number,
                secretSeen: true, defaultSecret: message.isDefault))
    }

    func contribute(to facts: inout LanFacts) {
        facts.addSeen(snmp)
    }
}
