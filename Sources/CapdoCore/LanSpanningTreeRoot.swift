/// A root bridge claimed in spanning tree BPDUs (STP, RSTP, MSTP, PVST+).
public struct LanSpanningTreeRoot: Codable, Sendable, Equatable {
    /// The root bridge id as `priority/MAC` (priority including the system id extension, as switches print it).
    public var root: String
    public var priority: Int
    /// The system id extension of the root id: the VLAN with per-VLAN spanning tree, else 0.
    public var vlan: Int
    public var mac: String
    /// `stp`, `rstp` or `mstp`, from the BPDU version.
    public var version: String
    /// Bridges that sent BPDUs naming this root (`priority/MAC`, at most 20).
    public var bridges: [String]
    public var packets: Int
    public var firstPacket: Int
    /// Another root was claimed for the same VLAN in this capture: two switches each think they are the root
    /// (a misconfiguration, a loop, or a rogue bridge).
    public var contested: Bool

    public init(
        root: String, priority: Int, vlan: Int, mac: String, version: String, bridges: [String] = [], packets: Int,
        firstPacket: Int, contested: Bool = false
    ) {
        self.root = root
        self.priority = priority
        self.vlan = vlan
        self.mac = mac
        self.version = version
        self.bridges = bridges
        self.packets = packets
        self.firstPacket = firstPacket
        self.contested = contested
    }

    enum CodingKeys: String, CodingKey {
        case root, priority, vlan, mac, version, bridges, packets
        case firstPacket = "first_packet"
        case contested
    }
}
