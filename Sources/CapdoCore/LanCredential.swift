/// Credentials seen crossing the network in clear text. The secret is never stored: only that one was seen.
public struct LanCredential: Codable, Sendable, Equatable {
    /// `telnet`, `ftp`, `http_basic`, `pop3`, `imap`, `smtp`, `snmp_v1`, `snmp_v2c`.
    public var `protocol`: String
    public var client: String
    /// `ip:port`.
    public var server: String
    /// Packet number carrying the secret (or the user name when no secret followed).
    public var packet: Int
    /// The user name when the protocol sends one in clear (SNMP has none).
    public var user: String?
    /// Always `"redacted"` when a secret was seen, nil when only a user name was.
    public var secret: String?
    /// True when the secret is a well-known default (SNMP `public`/`private`); the secret itself is not kept.
    public var defaultSecret: Bool
    /// HTTP forms: the request path (query cut off) the form was posted to.
    public var path: String?

    public init(
        protocol: String, client: String, server: String, packet: Int, user: String? = nil, secretSeen: Bool,
        defaultSecret: Bool = false
    ) {
        self.protocol = `protocol`
        self.client = client
        self.server = server
        self.packet = packet
        self.user = user
        self.secret = secretSeen ? "redacted" : nil
        self.defaultSecret = defaultSecret
    }

    enum CodingKeys: String, CodingKey {
        case `protocol`, client, server, packet, user, secret
        case defaultSecret = "default_secret"
        case path
    }
}
