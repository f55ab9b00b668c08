import Foundation

/// A MAC address seen only without an IPv4/IPv6 source address of its own: a DHCP client before its lease, an ARP
/// probe, a non-IP frame. Listed beside the hosts so every MAC on the segment is accounted for.
public struct LanMACOnly: Codable, Sendable, Equatable {
    public var mac: String
    /// The registered vendor of its OUI (ieee-data), when the registry was read and lists it.
    public var vendor: String?
    public var firstSeen: Date?
    public var lastSeen: Date?
    public var firstPacket: Int
    public var packets: Int
    /// How it was seen: `ethernet`, `arp`, `dhcp` (client hardware address).
    public var seenIn: [String]
    /// Names its DHCP requests carried (option 12); nil when none.
    public var names: [LanHostName]?

    public init(
        mac: String, vendor: String? = nil, firstSeen: Date? = nil, lastSeen: Date? = nil, firstPacket: Int,
        packets: Int, seenIn: [String]
    ) {
        self.mac = mac
        self.vendor = vendor
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.firstPacket = firstPacket
        self.packets = packets
        self.seenIn = seenIn
    }

    enum CodingKeys: String, CodingKey {
        case mac, vendor
        case firstSeen = "first_seen"
        case lastSeen = "last_seen"
        case firstPacket = "first_packet"
        case packets
        case seenIn = "seen_in"
        case names
    }
}
