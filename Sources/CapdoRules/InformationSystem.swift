/// One information system of `capdo.yaml` (`systems:`), as the fleet summary (Mẫu 08) and scans need it.
public struct InformationSystem: Sendable, Equatable {
    public var name: String
    public var level: Int
    public var owner: String?
    public var `operator`: String?
    public var description: String?
    /// Host names (from `hosts: [{name: …}]`) that belong to this system.
    public var hostNames: [String]
    /// Filesystem roots of the system's hosts, resolved.
    public var roots: [String]
    /// Folders of snapshot files collected on the system's hosts, resolved.
    public var snapshots: [String]
    /// LAN ranges to check (`192.0.2.0/24`), validated as CIDR or address.
    public var lanTargets: [String]
    /// TLS endpoints to check (`portal.example.vn:443`), validated as host:port.
    public var tlsEndpoints: [String]
    /// `file:line` where the system is declared.
    public var location: String

    public init(
        name: String, level: Int = 2, owner: String? = nil, operator: String? = nil, description: String? = nil,
        hostNames: [String] = [], roots: [String] = [], snapshots: [String] = [], lanTargets: [String] = [],
        tlsEndpoints: [String] = [], location: String = ""
    ) {
        self.name = name
        self.level = level
        self.owner = owner
        self.operator = `operator`
        self.description = description
        self.hostNames = hostNames
        self.roots = roots
        self.snapshots = snapshots
        self.lanTargets = lanTargets
        self.tlsEndpoints = tlsEndpoints
        self.location = location
    }
}
