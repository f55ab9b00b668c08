/// One VLAN seen in 802.1Q/802.1ad tags, with what was seen inside it.
public struct LanVlan: Codable, Sendable, Equatable {
    /// The VLAN id; with QinQ the outer and inner ids as `outer.inner` (`100.10`).
    public var id: String
    /// `802.1q`, or `802.1ad` when the outer tag is a service tag (QinQ).
    public var tag: String
    public var packets: Int
    public var firstPacket: Int
    /// Distinct IPv4/IPv6 source addresses in frames carrying this tag.
    public var hosts: Int
    /// Distinct source MAC addresses in frames carrying this tag.
    public var macs: Int
    /// Services (`lan.services`) whose address was seen in this VLAN.
    public var services: Int

    public init(
        id: String, tag: String, packets: Int, firstPacket: Int, hosts: Int = 0, macs: Int = 0, services: Int = 0
    ) {
        self.id = id
        self.tag = tag
        self.packets = packets
        self.firstPacket = firstPacket
        self.hosts = hosts
        self.macs = macs
        self.services = services
    }

    enum CodingKeys: String, CodingKey {
        case id, tag, packets
        case firstPacket = "first_packet"
        case hosts, macs, services
    }
}
