import CapdoCore

/// LLDP and CDP neighbours: the switches (and phones, routers) that announce themselves on the sensor's port.
struct NeighbourObserver: PacketObserver {
    static let limit = 256

    private struct Key: Hashable {
        var `protocol`: String
        var chassisId: String?
        var portId: String?
    }

    private var neighbours: [Key: LanNeighbour] = [:]
    private var frames = FrameMemo<LanNeighbour?>()
    private var overLimit = 0
    private var unreadable = 0

    @inline(__always) mutating func observe(_ packet: ObservedPacket, credentials: inout CredentialLog) {
        let link = packet.headers.link
        guard link == .lldp || link == .cdp else { return }
        let read = frames.value(of: packet.payload, tag: link.rawValue) { pdu in
            link == .lldp ? LldpParser.parse(pdu) : CdpParser.parse(pdu)
        }
        guard var found = read else {
            unreadable += 1
            return
        }
        let key = Key(protocol: found.protocol, chassisId: found.chassisId, portId: found.portId)
        if let index = neighbours.index(forKey: key) {
            neighbours.values[index].packets += 1
            return
        }
        guard neighbours.count < Self.limit else {
            overLimit += 1
            return
        }
        if packet.headers.hasMAC { found.mac = MACAddress.string(packet.headers.sourceMAC) }
        found.packets = 1
        found.firstPacket = packet.number
        neighbours[key] = found
    }

    func contribute(to facts: inout LanFacts) {
        facts.neighbours = neighbours.values.sorted { $0.firstPacket < $1.firstPacket }
        facts.counters.addSkipped("neighbours_over_limit", overLimit)
        facts.counters.addSkipped("unreadable_neighbour_frames", unreadable)
    }
}
