/// A host that answered DHCP (OFFER or ACK).
public struct LanDhcpServer: Codable, Sendable, Equatable {
    /// Server identifier (option 54), else the IP source address.
    public var ip: String
    public var mac: String?
    public var offers: Int
    public var acks: Int
    /// Packet numbers of its first replies (at most 10).
    public var packets: [Int]
    /// Its first offers and acknowledgements in detail (at most 20); nil in older snapshots.
    public var replies: [LanDhcpReply]?
    /// Whether capdo.yaml (`lan: { dhcp_servers: […] }`) declares it; nil when nothing is declared.
    public var declared: Bool?

    public init(ip: String, mac: String? = nil, offers: Int = 0, acks: Int = 0, packets: [Int] = []) {
        self.ip = ip
        self.mac = mac
        self.offers = offers
        self.acks = acks
        self.packets = packets
    }
}
