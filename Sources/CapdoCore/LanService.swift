/// A service proven to answer: a SYN answered by a SYN-ACK, a UDP request answered, or an active scan.
public struct LanService: Codable, Sendable, Equatable {
    public var ip: String
    public var port: Int
    /// `tcp` or `udp`.
    public var `protocol`: String
    /// Well-known name of the port (`ssh`, `telnet`, `microsoft-ds`, …), when it has one.
    public var name: String?
    /// `passive` (seen in traffic), `connect` or `syn` (active scan).
    public var method: String
    /// Packet numbers of the proof (SYN and SYN-ACK, request and reply); empty for an active scan.
    public var packets: [Int]
    /// Distinct clients seen talking to it (passive only).
    public var clients: [String]

    public init(
        ip: String, port: Int, protocol: String, name: String? = nil, method: String, packets: [Int] = [],
        clients: [String] = []
    ) {
        self.ip = ip
        self.port = port
        self.protocol = `protocol`
        self.name = name
        self.method = method
        self.packets = packets
        self.clients = clients
    }
}
