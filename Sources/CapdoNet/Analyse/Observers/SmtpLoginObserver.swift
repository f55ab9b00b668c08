import CapdoCore

/// SMTP logins on 25 and 587: `AUTH PLAIN` with its response, and `AUTH LOGIN` followed over the next lines (user,
/// then secret, each base64).
struct SmtpLoginObserver: PacketObserver {
    @inline(__always) mutating func observe(_ packet: ObservedPacket, credentials: inout CredentialLog) {
        guard packet.isTCP, packet.serverPort == 25 || packet.serverPort == 587, packet.toServer,
            packet.payload.count > 0
        else { return }
        let flow = packet.flowToServer
        for line in CredentialParser.lines(packet.payload) {
            let stage = credentials.session(flow)?.stage ?? .idle
            if stage == .smtpLoginUser {
                let user = CredentialParser.base64(line).flatMap { CredentialParser.userName($0) }
                credentials.updateSession(flow) {
                    $0.user = user
                    $0.stage = .smtpLoginSecret
                }
            } else if stage == .smtpLoginSecret {
                let user = credentials.session(flow)?.user
                credentials.updateSession(flow) { $0.stage = .idle }
                credentials.record(packet, protocol: "smtp", user: user)
            } else if CredentialParser.hasPrefix(line, "AUTH PLAIN") {
                let words = CredentialParser.words(line)
                let user = words.count > 2 ? CredentialParser.base64(words[2]).flatMap(CredentialParser.plainUser) : nil
                credentials.record(packet, protocol: "smtp", user: user)
            } else if CredentialParser.hasPrefix(line, "AUTH LOGIN") {
                let words = CredentialParser.words(line)
                if words.count > 2 {
                    let user = CredentialParser.base64(words[2]).flatMap { CredentialParser.userName($0) }
                    credentials.updateSession(flow) {
                        $0.user = user
                        $0.stage = .smtpLoginSecret
                    }
                } else {
                    credentials.updateSession(flow) { $0.stage = .smtpLoginUser }
                }
            }
        }
    }

    func contribute(to facts: inout LanFacts) {}
}
