import CapdoCore

/// SMB1: an SMB1 NEGOTIATE on port 445 or 139 (SMB1 should be off everywhere).
struct SmbObserver: PacketObserver {
    private var smb1 = ProtocolTally("smb1")

    @inline(__always) mutating func observe(_ packet: ObservedPacket, credentials: inout CredentialLog) {
        guard packet.isTCP, packet.serverPort == 445 || packet.serverPort == 139 else { return }
        // NetBIOS session header (4 bytes), then 0xFF 'S' 'M' 'B' and the command (0x72 = NEGOTIATE).
        let payload = packet.payload
        guard payload.count >= 9, payload[4] == 0xFF, payload[5] == 0x53, payload[6] == 0x4D, payload[7] == 0x42,
            payload[8] == 0x72
        else { return }
        let source = packet.headers.sourcePort
        smb1.add(packet, sourceIsServer: source == 445 || source == 139)
    }

    func contribute(to facts: inout LanFacts) {
        facts.addSeen(smb1)
    }
}
