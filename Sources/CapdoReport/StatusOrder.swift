import CapdoCore

/// Findings by status rank, then in report order — what sorting them with `status.rank` then `Finding.reportOrder`
/// gives, without the comparisons: `ScanResult.findingsInReportOrder` is in report order already, so one pass that keeps each
/// status's findings in turn is that stable sort (a fleet has hundreds of thousands of findings to order).
enum StatusOrder {
    /// The findings of `reportOrdered` whose status is in `statuses`, by status rank; at most `limit` of them.
    static func findings(
        _ reportOrdered: some Collection<Finding>, statuses: Set<FindingStatus>, limit: Int = .max
    ) -> [Finding] {
        guard limit > 0 else { return [] }
        var buckets: [FindingStatus: [Finding]] = [:]
        for finding in reportOrdered where statuses.contains(finding.status) {
            if buckets[finding.status, default: []].count < limit {
                buckets[finding.status, default: []].append(finding)
            }
        }
        var ordered: [Finding] = []
        for status in statuses.sorted(by: { $0.rank < $1.rank }) {
            guard ordered.count < limit else { break }
            ordered += (buckets[status] ?? []).prefix(limit - ordered.count)
        }
        return ordered
    }
}
