/// Parameters of an active scan, for the report.
public struct LanScanInfo: Codable, Sendable, Equatable {
    /// `connect` or `syn`.
    public var method: String
    public var targets: [String]
    public var ports: String
    /// The ports probed as sorted ranges (`["1-1024", "3306", "3389"]`), so rules can tell what the scan covered;
    /// nil in snapshots from older versions.
    public var portRanges: [String]?
    public var addresses: Int
    /// Probes sent, retries included.
    public var probes: Int
    public var rate: Int
    public var seconds: Double
    /// Target ports that answered "closed" (RST, or connection refused); nil in snapshots from older versions.
    public var closed: Int?
    /// Target ports with no answer after every retry (or whose host did not answer ARP); nil in older snapshots.
    public var filtered: Int?

    public init(
        method: String, targets: [String], ports: String, addresses: Int, probes: Int, rate: Int, seconds: Double,
        closed: Int? = nil, filtered: Int? = nil, portRanges: [String]? = nil
    ) {
        self.method = method
        self.targets = targets
        self.ports = ports
        self.addresses = addresses
        self.probes = probes
        self.rate = rate
        self.seconds = seconds
        self.closed = closed
        self.filtered = filtered
        self.portRanges = portRanges
    }

    enum CodingKeys: String, CodingKey {
        case method, targets, ports
        case portRanges = "port_ranges"
        case addresses, probes, rate, seconds, closed, filtered
    }
}
