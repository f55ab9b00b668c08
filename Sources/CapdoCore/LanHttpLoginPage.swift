/// An HTTP (not HTTPS) response carrying a password field: a login page served in clear text (item 1.3.1).
public struct LanHttpLoginPage: Codable, Sendable, Equatable {
    /// `ip:port` of the server that sent the page.
    public var server: String
    /// The client it was sent to.
    public var client: String
    /// Packet number of the segment holding the `type=password` field.
    public var packet: Int
    /// The request path (query cut off) the page answered, when the request was seen.
    public var path: String?

    public init(server: String, client: String, packet: Int, path: String? = nil) {
        self.server = server
        self.client = client
        self.packet = packet
        self.path = path
    }
}
