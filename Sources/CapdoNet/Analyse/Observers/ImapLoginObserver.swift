import CapdoCore

/// IMAP logins: `LOGIN user secret` and `AUTHENTICATE PLAIN` with its initial response.
struct ImapLoginObserver: PacketObserver {
    @inline(__always) mutating func observe(_ packet: ObservedPacket, credentials: inout CredentialLog) {
        guard packet.isTCP, packet.serverPort == 143, packet.toServer, packet.payload.count > 0 else { return }
        for line in CredentialParser.lines(packet.payload) {
            let words = CredentialParser.words(line)
            guard words.count >= 2 else { continue }
            let command = Array(words[1])
            if CredentialParser.hasPrefix(command, "LOGIN"), command.count == 5 {
                let user = words.count > 2 ? CredentialParser.userName(words[2]) : nil
                credentials.record(packet, protocol: "imap", user: user)
            } else if CredentialParser.hasPrefix(command, "AUTHENTICATE"), words.count > 2,
                CredentialParser.hasPrefix(Array(words[2]), "PLAIN")
            {
                let user = words.count > 3 ? CredentialParser.base64(words[3]).flatMap(CredentialParser.plainUser) : nil
                credentials.record(packet, protocol: "imap", user: user)
            }
        }
    }

    func contribute(to facts: inout LanFacts) {}
}
