/// Whether a server accepted one protocol version (one handshake with min = max = that version).
public struct TLSProtocolResult: Codable, Sendable, Equatable {
    /// `accepted`, `rejected` or `untestable`.
    public var status: String
    /// The cipher negotiated when accepted.
    public var cipher: String?
    /// Why it was rejected or could not be tested (the OpenSSL error, "not offered by the local OpenSSL").
    public var reason: String?

    public init(status: String, cipher: String? = nil, reason: String? = nil) {
        self.status = status
        self.cipher = cipher
        self.reason = reason
    }

    public static let accepted = "accepted"
    public static let rejected = "rejected"
    public static let untestable = "untestable"
}
