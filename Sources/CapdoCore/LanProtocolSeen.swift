/// A protocol of interest seen on the segment, with who spoke it.
public struct LanProtocolSeen: Codable, Sendable, Equatable {
    /// `vrrp`, `hsrp`, `syslog`, `ntp`, `smb1`, `tftp`, `telnet`, `ftp`, `snmp`, `dns`, `mdns`, `llmnr`, `nbns`.
    public var `protocol`: String
    public var packets: Int
    public var firstPacket: Int
    /// Senders (at most 20), sorted.
    public var sources: [String]
    /// Receivers (at most 20), sorted; for SMB1 and TFTP the servers.
    public var destinations: [String]

    public init(protocol: String, packets: Int, firstPacket: Int, sources: [String] = [], destinations: [String] = []) {
        self.protocol = `protocol`
        self.packets = packets
        self.firstPacket = firstPacket
        self.sources = sources
        self.destinations = destinations
    }

    enum CodingKeys: String, CodingKey {
        case `protocol`, packets
        case firstPacket = "first_packet"
        case sources, destinations
    }
}
