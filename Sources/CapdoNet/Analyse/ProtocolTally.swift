import CapdoCore

/// Counts one protocol of interest and remembers a few of its senders and receivers.
/// Addresses are kept as `IPAddress` (text only when the facts are built): no string per packet.
struct ProtocolTally {
    static let limit = 20
    /// The name the facts give it (`protocols_seen[].protocol`).
    let name: String
    var packets = 0
    var firstPacket = 0
    var sources: Set<IPAddress> = []
    var destinations: Set<IPAddress> = []

    init(_ name: String) {
        self.name = name
    }

    mutating func add(packet: Int, source: IPAddress?, destination: IPAddress?) {
        packets += 1
        if firstPacket == 0 { firstPacket = packet }
        if let source, sources.count < Self.limit { sources.insert(source) }
        if let destination, destinations.count < Self.limit { destinations.insert(destination) }
    }

    /// Counts `packet` with its source and, unless `sourceOnly`, its destination.
    mutating func add(_ packet: ObservedPacket, sourceOnly: Bool = false) {
        add(
            packet: packet.number, source: packet.headers.source,
            destination: sourceOnly ? nil : packet.headers.destination)
    }

    /// Counts `packet` with its client as the source and its server (the source when `sourceIsServer`) as the
    /// destination, whichever way it travels.
    mutating func add(_ packet: ObservedPacket, sourceIsServer: Bool) {
        let headers = packet.headers
        add(
            packet: packet.number, source: sourceIsServer ? headers.destination : headers.source,
            destination: sourceIsServer ? headers.source : headers.destination)
    }

    /// The facts' entry; nil when the protocol was never seen.
    var seen: LanProtocolSeen? {
        guard packets > 0 else { return nil }
        return LanProtocolSeen(
            protocol: name, packets: packets, firstPacket: firstPacket, sources: sources.map(\.description).sorted(),
            destinations: destinations.map(\.description).sorted())
    }
}
