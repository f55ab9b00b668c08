import CapdoCore

/// `capdo.yaml`: the organisation, the system assessed and defaults for every option (flags win).
public struct CapdoConfig: Sendable, Equatable {
    public var organisation: Organisation?
    public var profile: String?
    public var variables: [String: FactValue]
    public var rules: String?
    public var waivers: String?
    public var evidence: String?
    public var output: String?
    public var formats: [String]?
    public var language: Language?
    /// Hosts to scan as roots (`capdo scan` with no `--root` and a config scans the first; `evaluate` takes all).
    public var roots: [String]
    /// The information systems assessed (`systems:`), in file order.
    public var systems: [InformationSystem]
    /// The history database (`history:`); history is off when nil and no `--history` is given.
    public var history: String?
    /// How long history keeps scans (`retention: {days: N, scans: N}` or `retention: N` days).
    public var retention: HistoryRetention
    /// The PEM private key and certificate reports are signed with (`signing: {key:, certificate:}`).
    public var signing: ReportSigning?
    public var file: String
    /// The DHCP servers of the segment (`lan: { dhcp_servers: [IP, …] }`): any other that answers is a rogue.
    public var lanDhcpServers: [String] = []

    public init(
        organisation: Organisation? = nil, profile: String? = nil, variables: [String: FactValue] = [:],
        rules: String? = nil,
        waivers: String? = nil, evidence: String? = nil, output: String? = nil, formats: [String]? = nil,
        language: Language? = nil, roots: [String] = [], systems: [InformationSystem] = [], history: String? = nil,
        retention: HistoryRetention = HistoryRetention(), signing: ReportSigning? = nil, file: String = ""
    ) {
        self.organisation = organisation
        self.profile = profile
        self.variables = variables
        self.rules = rules
        self.waivers = waivers
        self.evidence = evidence
        self.output = output
        self.formats = formats
        self.language = language
        self.roots = roots
        self.systems = systems
        self.history = history
        self.retention = retention
        self.signing = signing
        self.file = file
    }
}
