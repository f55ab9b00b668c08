/// One information system of `capdo.yaml` as a report shows it (the Mẫu 08 per-system summary).
///
/// `hosts` are the names of the scanned hosts that belong to the system, sorted.
public struct InformationSystemSummary: Codable, Sendable, Equatable {
    public var name: String
    public var owner: String?
    public var `operator`: String?
    /// Security level declared for the system (capdo checks level 2).
    public var level: Int
    public var hosts: [String]

    public init(name: String, owner: String? = nil, operator: String? = nil, level: Int = 2, hosts: [String] = []) {
        self.name = name
        self.owner = owner
        self.operator = `operator`
        self.level = level
        self.hosts = hosts
    }
}
