/// An IPv4 address claimed in ARP by more than one MAC address (spoofing, or a misconfiguration).
public struct LanArpConflict: Codable, Sendable, Equatable {
    public var ip: String
    public var macs: [String]
    /// Packet number of the first claim by each MAC, in the order of `macs`.
    public var packets: [Int]

    public init(ip: String, macs: [String], packets: [Int]) {
        self.ip = ip
        self.macs = macs
        self.packets = packets
    }
}
