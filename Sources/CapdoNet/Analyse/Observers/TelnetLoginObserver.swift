import CapdoCore

/// Telnet logins: after the server prompts `login:`, the client's bytes up to CR/LF are the user; after
/// `Password:`, the client's bytes are counted (never kept) and the line end records the credential.
struct TelnetLoginObserver: PacketObserver {
    @inline(__always) mutating func observe(_ packet: ObservedPacket, credentials: inout CredentialLog) {
        guard packet.isTCP, packet.serverPort == 23, packet.payload.count > 0 else { return }
        let payload = packet.payload
        let toServer = packet.toServer
        let flow = toServer ? packet.flowToServer : packet.flowToServer.reversed
        if !toServer {
            let text = String(decoding: payload.prefix(512).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
            if text.contains("assword:") {
                credentials.updateSession(flow) {
                    $0.stage = .telnetSecret
                    $0.secretBytes = 0
                }
            } else if text.contains("login:") || text.contains("username:") {
                credentials.updateSession(flow) {
                    $0.stage = .telnetUser
                    $0.userBuffer = []
                }
            }
            return
        }
        guard let stage = credentials.session(flow)?.stage, stage == .telnetUser || stage == .telnetSecret else {
            return
        }
        var index = 0
        var ended = false
        var data: [UInt8] = []
        while index < payload.count {
            let byte = payload[index]
            if byte == 0xFF {
                index += (index + 1 < payload.count && payload[index + 1] >= 0xFA) ? 3 : 2
                continue
            }
            if byte == 0x0D || byte == 0x0A {
                ended = true
                break
            }
            if stage == .telnetUser { data.append(byte) }
            index += 1
        }
        credentials.updateSession(flow) { session in
            if stage == .telnetUser {
                if session.userBuffer.count < 64 { session.userBuffer += data.prefix(64 - session.userBuffer.count) }
                if ended {
                    session.user = CredentialParser.userName(session.userBuffer)
                    session.stage = .idle
                }
            } else {
                session.secretBytes += payload.count
                if ended { session.stage = .idle }
            }
        }
        if stage == .telnetSecret && ended {
            credentials.record(packet, protocol: "telnet", user: credentials.session(flow)?.user)
        }
    }

    func contribute(to facts: inout LanFacts) {}
}
