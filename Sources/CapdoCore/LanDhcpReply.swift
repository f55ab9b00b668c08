/// One DHCPOFFER or DHCPACK as sent: what a server handed out, to whom, in which packet.
public struct LanDhcpReply: Codable, Sendable, Equatable {
    /// `offer` or `ack`.
    public var type: String
    public var packet: Int
    /// The client hardware address (chaddr).
    public var clientMAC: String?
    /// The address offered or acknowledged (yiaddr).
    public var address: String
    /// Option 3: the default gateways handed out.
    public var routers: [String]
    /// Option 6: the DNS servers handed out.
    public var dnsServers: [String]
    /// Option 51: lease time in seconds.
    public var leaseSeconds: Int?
    /// Option 1: the subnet mask.
    public var subnetMask: String?

    public init(
        type: String, packet: Int, clientMAC: String? = nil, address: String, routers: [String] = [],
        dnsServers: [String] = [], leaseSeconds: Int? = nil, subnetMask: String? = nil
    ) {
        self.type = type
        self.packet = packet
        self.clientMAC = clientMAC
        self.address = address
        self.routers = routers
        self.dnsServers = dnsServers
        self.leaseSeconds = leaseSeconds
        self.subnetMask = subnetMask
    }

    enum CodingKeys: String, CodingKey {
        case type, packet
        case clientMAC = "client_mac"
        case address, routers
        case dnsServers = "dns_servers"
        case leaseSeconds = "lease_seconds"
        case subnetMask = "subnet_mask"
    }
}
