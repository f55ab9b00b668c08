/// Packet counters of a capture: how much was read, decoded, and skipped for what reason.
public struct LanCounters: Codable, Sendable, Equatable {
    public var packets: Int
    public var bytes: Int
    /// Packets that decoded down to a network-layer header.
    public var decoded: Int
    /// Packets cut short or inconsistent (counted and skipped).
    public var malformed: Int
    public var ipv4Fragments: Int
    /// Skipped packets by reason (`truncated_ipv4`, `unsupported_ethertype`, `bad_ip_version`, …).
    public var skipped: [String: Int]
    /// Hosts seen beyond the analyser's host table (65,536): counted, not listed; nil when none.
    public var hostsOverLimit: Int?

    public init(
        packets: Int = 0, bytes: Int = 0, decoded: Int = 0, malformed: Int = 0, ipv4Fragments: Int = 0,
        skipped: [String: Int] = [:]
    ) {
        self.packets = packets
        self.bytes = bytes
        self.decoded = decoded
        self.malformed = malformed
        self.ipv4Fragments = ipv4Fragments
        self.skipped = skipped
    }

    enum CodingKeys: String, CodingKey {
        case packets, bytes, decoded, malformed
        case ipv4Fragments = "ipv4_fragments"
        case skipped
        case hostsOverLimit = "hosts_over_limit"
    }
}
