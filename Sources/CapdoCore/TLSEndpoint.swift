/// One TLS service probed with real handshakes: protocol matrix, weak suites, served chain.
public struct TLSEndpoint: Codable, Sendable, Equatable {
    /// `host:port` (IPv6 literals bracketed), used to name the endpoint in evidence.
    public var name: String
    public var host: String
    public var port: Int
    /// The address connected to, when the name resolved.
    public var address: String?
    /// The server name sent (SNI); nil for IP literals.
    public var sni: String?
    /// `smtp`, `imap`, `pop3`, `ftp` when the TLS session was started with STARTTLS.
    public var starttls: String?
    /// Where the endpoint came from: `command line`, `listener`, `capdo.yaml`, `lan`.
    public var origin: String?
    /// Per version (`tls1_0`, `tls1_1`, `tls1_2`, `tls1_3`): accepted, rejected or untestable.
    public var protocols: [String: TLSProtocolResult]
    /// The versions accepted, oldest first (for rules: `accepted_protocols: { contains: tls1_0 }`).
    public var acceptedProtocols: [String]
    /// The version and cipher negotiated with the client's defaults (the best the server offers).
    public var negotiatedProtocol: String?
    public var negotiatedCipher: String?
    /// Per weak class (`null`, `export`, `rc4`, `3des`, `anonymous`): accepted, rejected or untestable.
    public var weakSuites: [String: TLSProtocolResult]
    /// Weak classes the server accepted (empty when none).
    public var weakSuitesAccepted: [String]
    /// Weak classes the local OpenSSL cannot offer, so nothing is known about them.
    public var weakSuitesUntestable: [String]
    /// The served chain, leaf first.
    public var chain: [CertificateFact]
    /// True when the chain verifies against the trust store (system or `--ca-file`).
    public var chainVerified: Bool?
    /// OpenSSL's verify result (`ok`, `unable to get local issuer certificate`, `certificate has expired`…).
    public var verifyResult: String?
    /// The leaf matches the host name (or IP) that was asked for.
    public var hostnameMatches: Bool?
    /// Why the endpoint could not be checked (name did not resolve, refused, not TLS, timed out…).
    public var error: String?
    /// Milliseconds spent on the whole matrix.
    public var milliseconds: Double?

    public init(
        name: String, host: String, port: Int, address: String? = nil, sni: String? = nil, starttls: String? = nil,
        origin: String? = nil, protocols: [String: TLSProtocolResult] = [:], acceptedProtocols: [String] = [],
        negotiatedProtocol: String? = nil, negotiatedCipher: String? = nil,
        weakSuites: [String: TLSProtocolResult] = [:], weakSuitesAccepted: [String] = [],
        weakSuitesUntestable: [String] = [], chain: [CertificateFact] = [], chainVerified: Bool? = nil,
        verifyResult: String? = nil, hostnameMatches: Bool? = nil, error: String? = nil, milliseconds: Double? = nil
    ) {
        self.name = name
        self.host = host
        self.port = port
        self.address = address
        self.sni = sni
        self.starttls = starttls
        self.origin = origin
        self.protocols = protocols
        self.acceptedProtocols = acceptedProtocols
        self.negotiatedProtocol = negotiatedProtocol
        self.negotiatedCipher = negotiatedCipher
        self.weakSuites = weakSuites
        self.weakSuitesAccepted = weakSuitesAccepted
        self.weakSuitesUntestable = weakSuitesUntestable
        self.chain = chain
        self.chainVerified = chainVerified
        self.verifyResult = verifyResult
        self.hostnameMatches = hostnameMatches
        self.error = error
        self.milliseconds = milliseconds
    }

    enum CodingKeys: String, CodingKey {
        case name, host, port, address, sni, starttls, origin, protocols
        case acceptedProtocols = "accepted_protocols"
        case negotiatedProtocol = "negotiated_protocol"
        case negotiatedCipher = "negotiated_cipher"
        case weakSuites = "weak_suites"
        case weakSuitesAccepted = "weak_suites_accepted"
        case weakSuitesUntestable = "weak_suites_untestable"
        case chain
        case chainVerified = "chain_verified"
        case verifyResult = "verify_result"
        case hostnameMatches = "hostname_matches"
        case error, milliseconds
    }
}
