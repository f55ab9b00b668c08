/// Evidence of how long logs are kept.
public struct LogFacts: Codable, Sendable, Equatable {
    /// Authentication log (`var/log/auth.log*`, `secure*`).
    public var auth: LogRetention?
    /// systemd journal files (`var/log/journal`).
    public var journal: LogRetention?

    public init(auth: LogRetention? = nil, journal: LogRetention? = nil) {
        self.auth = auth
        self.journal = journal
    }
}
