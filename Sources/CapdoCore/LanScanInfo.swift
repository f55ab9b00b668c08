/// Parameters of an active scan, for the report.
public struct LanScanInfo: Codable, Sendable, Equatable {
    /// `connect` or `syn`.
    public var method: String
    public var targets: [String]
    public var ports: String
    public var addresses: Int
    public var probes: Int
    public var rate: Int
    public var seconds: Double

    public init(
        method: String, targets: [String], ports: String, addresses: Int, probes: Int, rate: Int, seconds: Double
    ) {
        self.method = method
        self.targets = targets
        self.ports = ports
        self.addresses = addresses
        self.probes = probes
        self.rate = rate
        self.seconds = seconds
    }
}
