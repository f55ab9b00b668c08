/// A TCP socket in LISTEN state or a bound UDP socket.
public struct ListeningSocket: Codable, Sendable, Equatable {
    /// `tcp` or `udp`.
    public var `protocol`: String
    /// `ipv4` or `ipv6`.
    public var family: String
    public var address: String
    public var port: Int
    /// True for 127.0.0.0/8 and ::1: not reachable from the network.
    public var loopback: Bool
    public var process: String?
    public var pid: Int?
    /// `proc/net/tcp` and the line of the socket.
    public var file: String?
    public var line: Int?

    public init(
        protocol: String, family: String, address: String, port: Int, loopback: Bool, process: String? = nil,
        pid: Int? = nil, file: String? = nil, line: Int? = nil
    ) {
        self.protocol = `protocol`
        self.family = family
        self.address = address
        self.port = port
        self.loopback = loopback
        self.process = process
        self.pid = pid
        self.file = file
        self.line = line
    }
}
