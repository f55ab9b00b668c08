import Foundation

/// A host seen on the segment (as a packet source, or answering an active scan).
public struct LanHost: Codable, Sendable, Equatable {
    public var ip: String
    /// The Ethernet source address it used (the first seen); nil on links without MAC addresses.
    public var mac: String?
    public var firstSeen: Date?
    public var lastSeen: Date?
    /// Packet number (1-based, as in tshark) where it was first seen.
    public var firstPacket: Int?
    public var packets: Int
    /// The registered vendor of `mac`'s OUI (ieee-data), when the registry was read and lists it.
    public var vendor: String?
    /// Other MACs that used or claimed this address (an ARP spoofer's among them), at most 8; nil when none.
    public var otherMACs: [String]?
    /// Names it announced or was answered for (NBNS, LLMNR, mDNS, DHCP option 12), at most 8; nil when none.
    public var names: [LanHostName]?

    public init(
        ip: String, mac: String? = nil, firstSeen: Date? = nil, lastSeen: Date? = nil, firstPacket: Int? = nil,
        packets: Int = 0
    ) {
        self.ip = ip
        self.mac = mac
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.firstPacket = firstPacket
        self.packets = packets
    }

    enum CodingKeys: String, CodingKey {
        case ip, mac
        case firstSeen = "first_seen"
        case lastSeen = "last_seen"
        case firstPacket = "first_packet"
        case packets, vendor
        case otherMACs = "other_macs"
        case names
    }
}
