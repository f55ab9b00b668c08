import CapdoCore

/// A collector for one configuration source: reads its files through the environment and hands them to a
/// pure parser. Each source is declared once in `AuthConfigCollectors` or `SystemConfigCollectors`.
public struct ConfigSourceCollector: Collector {
    public let source: String
    public let summary: String
    private let build: @Sendable (HostEnvironment) -> (ConfigSection?, [CollectionIssue])

    public var id: String { "config." + source }

    public init(
        source: String, summary: String,
        build: @escaping @Sendable (HostEnvironment) -> (ConfigSection?, [CollectionIssue])
    ) {
        self.source = source
        self.summary = summary
        self.build = build
    }

    public func collect(in environment: HostEnvironment) async -> CollectorOutput {
        let (section, issues) = build(environment)
        var config: [String: ConfigSection] = [:]
        if let section { config[source] = section }
        return CollectorOutput(config: config, issues: issues)
    }
}
