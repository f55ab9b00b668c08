import Synchronization

/// What reporters derive from a `ScanResult` (all findings in report order, their order alone, the summary), computed once per result
/// however many reporters ask: a fleet of 10,000 hosts has over a million findings to sort.
///
/// Not part of the value: it is neither encoded nor compared, and `ScanResult` replaces it whenever the hosts or the
/// controls it was derived from change.
public final class ScanMemo: Sendable, Equatable {
    private let findings = Mutex<[Finding]?>(nil)
    private let ordered = Mutex<FindingsInReportOrder?>(nil)
    private let summary = Mutex<ScanSummary?>(nil)

    public init() {}

    func findings(_ compute: () -> [Finding]) -> [Finding] {
        findings.withLock { cached in
            if let cached { return cached }
            let value = compute()
            cached = value
            return value
        }
    }

    func ordered(_ compute: () -> FindingsInReportOrder) -> FindingsInReportOrder {
        ordered.withLock { cached in
            if let cached { return cached }
            let value = compute()
            cached = value
            return value
        }
    }

    func summary(_ compute: () -> ScanSummary) -> ScanSummary {
        if let cached = summary.withLock({ $0 }) { return cached }
        let value = compute()
        summary.withLock { $0 = value }
        return value
    }

    public static func == (lhs: ScanMemo, rhs: ScanMemo) -> Bool { true }
}
