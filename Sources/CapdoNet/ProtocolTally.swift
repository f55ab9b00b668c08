/// Counts one protocol of interest and remembers a few of its senders and receivers.
struct ProtocolTally {
    static let limit = 20
    var packets = 0
    var firstPacket = 0
    var sources: Set<String> = []
    var destinations: Set<String> = []

    mutating func add(packet: Int, source: IPAddress?, destination: IPAddress?) {
        packets += 1
        if firstPacket == 0 { firstPacket = packet }
        if let source, sources.count < Self.limit { sources.insert(source.description) }
        if let destination, destinations.count < Self.limit { destinations.insert(destination.description) }
    }
}
