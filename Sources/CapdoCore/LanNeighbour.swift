/// A switch, router or phone that announced itself with LLDP or CDP: where the sensor is plugged in.
public struct LanNeighbour: Codable, Sendable, Equatable {
    /// `lldp` or `cdp`.
    public var `protocol`: String
    /// LLDP chassis id (a MAC address, network address or name); CDP device id.
    public var chassisId: String?
    /// The port of the neighbour the frame left from (LLDP port id, CDP port id).
    public var portId: String?
    public var systemName: String?
    public var portDescription: String?
    /// Management addresses (LLDP), addresses and management addresses (CDP).
    public var managementAddresses: [String]
    /// The port's VLAN: LLDP 802.1 port VLAN id, CDP native VLAN.
    public var vlan: Int?
    /// The Ethernet source address of its frames.
    public var mac: String?
    public var packets: Int
    public var firstPacket: Int

    public init(
        protocol: String, chassisId: String? = nil, portId: String? = nil, systemName: String? = nil,
        portDescription: String? = nil, managementAddresses: [String] = [], vlan: Int? = nil, mac: String? = nil,
        packets: Int = 0, firstPacket: Int = 0
    ) {
        self.protocol = `protocol`
        self.chassisId = chassisId
        self.portId = portId
        self.systemName = systemName
        self.portDescription = portDescription
        self.managementAddresses = managementAddresses
        self.vlan = vlan
        self.mac = mac
        self.packets = packets
        self.firstPacket = firstPacket
    }

    enum CodingKeys: String, CodingKey {
        case `protocol`
        case chassisId = "chassis_id"
        case portId = "port_id"
        case systemName = "system_name"
        case portDescription = "port_description"
        case managementAddresses = "management_addresses"
        case vlan, mac, packets
        case firstPacket = "first_packet"
    }
}
