/// A directed transport flow: client address and port to server address and port.
struct FlowKey: Hashable {
    var client: IPAddress
    var server: IPAddress
    var clientPort: UInt16
    var serverPort: UInt16

    var reversed: FlowKey { FlowKey(client: server, server: client, clientPort: serverPort, serverPort: clientPort) }
}
