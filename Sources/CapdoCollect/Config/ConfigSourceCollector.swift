import CapdoCore

/// The collector for one configuration source: hands the scanned root's files to the source's pure parser.
public struct ConfigSourceCollector: Collector {
    public let parser: any ConfigFileParser.Type

    public var id: String { parser.collector }
    public var summary: String { parser.summary }

    public init(_ parser: any ConfigFileParser.Type) {
        self.parser = parser
    }

    public func collect(in environment: HostEnvironment) async -> CollectorOutput {
        guard environment.live || !parser.liveOnly else { return CollectorOutput() }
        let (section, issues) = parser.parse(.host(environment.files))
        return CollectorOutput(config: [parser.source: section], issues: issues)
    }
}
