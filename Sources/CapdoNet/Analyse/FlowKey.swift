/// A directed transport flow: client address and port to server address and port.
struct FlowKey: Hashable {
    var client: IPAddress
    var server: IPAddress
    var clientPort: UInt16
    var serverPort: UInt16

    /// Both IPv4 addresses and both ports in two words (IPv6 adds the high halves): one short hasher run per lookup.
    @inline(__always) func hash(into hasher: inout Hasher) {
        let ports = UInt64(clientPort) << 16 | UInt64(serverPort)
        if client.isV6 || server.isV6 {
            hasher.combine(client.high)
            hasher.combine(server.high)
            hasher.combine(ports | (client.isV6 ? 1 << 32 : 0) | (server.isV6 ? 1 << 33 : 0))
            hasher.combine(client.low)
            hasher.combine(server.low)
        } else {
            hasher.combine(ports)
            hasher.combine(client.low << 32 | server.low)
        }
    }

    var reversed: FlowKey { FlowKey(client: server, server: client, clientPort: serverPort, serverPort: clientPort) }
}
