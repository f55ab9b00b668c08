/// An IPv6 router that sent router advertisements (ICMPv6 134): hosts take its prefixes and, with a non-zero
/// lifetime, use it as their default router.
public struct LanRouterAdvertisement: Codable, Sendable, Equatable {
    /// The advertisement's source address (link-local).
    public var ip: String
    /// The Ethernet source address (or the source link-layer address option when the link has none).
    public var mac: String?
    /// Prefixes from its prefix information options (`2001:db8:1::/64`), at most 20.
    public var prefixes: [String]
    /// Router lifetime in seconds of its last advertisement (0: not a default router).
    public var routerLifetime: Int
    /// The M (managed address configuration: use DHCPv6) and O (other configuration) flags of the last one.
    public var managed: Bool
    public var otherConfiguration: Bool
    public var advertisements: Int
    /// Packet numbers of its first advertisements (at most 10).
    public var packets: [Int]

    public init(
        ip: String, mac: String? = nil, prefixes: [String] = [], routerLifetime: Int = 0, managed: Bool = false,
        otherConfiguration: Bool = false, advertisements: Int = 0, packets: [Int] = []
    ) {
        self.ip = ip
        self.mac = mac
        self.prefixes = prefixes
        self.routerLifetime = routerLifetime
        self.managed = managed
        self.otherConfiguration = otherConfiguration
        self.advertisements = advertisements
        self.packets = packets
    }

    enum CodingKeys: String, CodingKey {
        case ip, mac, prefixes
        case routerLifetime = "router_lifetime"
        case managed
        case otherConfiguration = "other_configuration"
        case advertisements, packets
    }
}
