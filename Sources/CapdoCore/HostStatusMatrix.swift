/// Hosts × statuses: how many findings of each status every host has and the worst severity among those that need
/// action, the fleet summary's overview (a row per host, linked to its detail report).
public struct HostStatusMatrix: Sendable, Equatable {
    /// One host's (or one information system's) row.
    public struct Row: Sendable, Equatable {
        public var host: String
        /// True for an information system's result (its management items), false for a host.
        public var isSystem: Bool
        public var counts: [FindingStatus: Int]
        /// The highest severity among the row's `fail`, `warn` and `error` findings; nil when there is none.
        public var worstSeverity: Severity?

        public func count(_ status: FindingStatus) -> Int { counts[status] ?? 0 }
    }

    /// The statuses the matrix shows as columns, in this order.
    public static let columns: [FindingStatus] = [.pass, .fail, .warn, .error, .manual, .notAssessed]

    /// Hosts in the result's order, then the systems.
    public var rows: [Row]

    public init(_ result: ScanResult) {
        rows = result.hosts.map(Self.row)
    }

    /// The row of one host result.
    public static func row(_ host: HostResult) -> Row {
        var counts: [FindingStatus: Int] = [:]
        var worst: Severity?
        for finding in host.findings {
            counts[finding.status, default: 0] += 1
            if [.fail, .warn, .error].contains(finding.status), worst.map({ finding.severity < $0 }) ?? true {
                worst = finding.severity
            }
        }
        return Row(host: host.host, isSystem: host.isSystem, counts: counts, worstSeverity: worst)
    }
}
