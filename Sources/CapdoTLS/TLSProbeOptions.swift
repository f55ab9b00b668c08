/// Timeouts, concurrency and trust for a batch of probes.
public struct TLSProbeOptions: Sendable {
    /// Seconds allowed for the TCP connect (and the STARTTLS dialogue).
    public var connectTimeout: Double
    /// Seconds allowed for one TLS handshake.
    public var handshakeTimeout: Double
    /// Endpoints probed at once (each runs its handshakes one after another).
    public var concurrency: Int
    /// Trust this CA file instead of the system store.
    public var caFile: String?
    /// Check the weak suite classes (NULL, EXPORT, RC4, 3DES, anonymous).
    public var weakSuites: Bool

    public init(
        connectTimeout: Double = 3, handshakeTimeout: Double = 5, concurrency: Int = 32, caFile: String? = nil,
        weakSuites: Bool = true
    ) {
        self.connectTimeout = connectTimeout
        self.handshakeTimeout = handshakeTimeout
        self.concurrency = max(1, concurrency)
        self.caFile = caFile
        self.weakSuites = weakSuites
    }
}
