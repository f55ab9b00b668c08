import CapdoCore

/// HTTP Basic authentication: an `Authorization: Basic` or `Proxy-Authorization: Basic` header in a request, on any
/// port (requests to a port below 1024 only when sent to it).
struct HttpBasicAuthObserver: PacketObserver {
    private static let methods = ["GET ", "POST ", "PUT ", "HEAD ", "DELETE ", "OPTIONS ", "PATCH "]
    private static let headers = ["Authorization: Basic ", "Proxy-Authorization: Basic "]

    @inline(__always) mutating func observe(_ packet: ObservedPacket, credentials: inout CredentialLog) {
        let payload = packet.payload
        guard packet.isTCP, packet.toServer || packet.serverPort >= 1024, payload.count >= 16,
            let first = payload.first, first >= 0x41, first <= 0x5A
        else { return }
        let start = Array(payload.prefix(8))
        guard Self.methods.contains(where: { CredentialParser.hasPrefix(start, $0) }) else { return }
        for line in CredentialParser.lines(payload) {
            for header in Self.headers where CredentialParser.hasPrefix(line, header) {
                let user = CredentialParser.base64(line.dropFirst(header.utf8.count)).flatMap(
                    CredentialParser.basicUser)
                credentials.record(packet, protocol: "http_basic", user: user)
            }
        }
    }

    func contribute(to facts: inout LanFacts) {}
}
