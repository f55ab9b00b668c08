import CapdoCore

/// FTP and POP3 logins: `USER` names the user, `PASS` (or POP3's `APOP`) carries the secret.
struct FtpPop3LoginObserver: PacketObserver {
    @inline(__always) mutating func observe(_ packet: ObservedPacket, credentials: inout CredentialLog) {
        guard packet.isTCP, packet.toServer, packet.payload.count > 0 else { return }
        let name: String
        switch packet.serverPort {
        case 21: name = "ftp"
        case 110: name = "pop3"
        default: return
        }
        for line in CredentialParser.lines(packet.payload) {
            if CredentialParser.hasPrefix(line, "USER ") {
                let user = CredentialParser.userName(line.dropFirst(5))
                credentials.updateSession(packet.flowToServer) { $0.user = user }
            } else if CredentialParser.hasPrefix(line, "PASS ") {
                credentials.record(packet, protocol: name, user: credentials.session(packet.flowToServer)?.user)
            } else if CredentialParser.hasPrefix(line, "APOP ") {
                let user = CredentialParser.words(line).dropFirst().first.flatMap(CredentialParser.userName)
                credentials.record(packet, protocol: name, user: user)
            }
        }
    }

    func contribute(to facts: inout LanFacts) {}
}
