/// A name a host announced or was answered for: NBNS, LLMNR, mDNS, or its DHCP host name (option 12).
public struct LanHostName: Codable, Sendable, Equatable, Hashable {
    public var name: String
    /// `nbns`, `llmnr`, `mdns` or `dhcp`.
    public var source: String
    /// The first packet carrying it.
    public var packet: Int

    public init(name: String, source: String, packet: Int) {
        self.name = name
        self.source = source
        self.packet = packet
    }
}
