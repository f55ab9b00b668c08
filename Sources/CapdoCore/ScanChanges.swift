import Foundation

/// What changed since the previous scan of the same hosts, and the score trend: report section 8.
///
/// Filled by the command line from the history database before rendering; nil when no history is kept, so
/// reports without history are unchanged.
public struct ScanChanges: Codable, Sendable, Equatable {
    /// The earlier scan each host was compared with (hosts seen for the first time are absent).
    public var baselines: [Baseline]
    /// Findings that need action now and did not before (or the rule was not evaluated before).
    public var newFindings: [FindingChange]
    /// Findings that needed action before and no longer do.
    public var resolved: [FindingChange]
    /// Findings that still need action but whose status or evidence changed.
    public var changed: [FindingChange]
    /// Ports, services and packages that appeared, disappeared or changed (ndiff-style).
    public var inventory: [InventoryChange]
    /// Compliance score per group over the last scans, oldest first; the last point is this scan.
    public var trend: [TrendPoint]

    /// One host and the scan it was compared with.
    public struct Baseline: Codable, Sendable, Equatable {
        public var host: String
        public var scanID: Int64
        public var finishedAt: Date

        public init(host: String, scanID: Int64, finishedAt: Date) {
            self.host = host
            self.scanID = scanID
            self.finishedAt = finishedAt
        }

        enum CodingKeys: String, CodingKey {
            case host
            case scanID = "scan_id"
            case finishedAt = "finished_at"
        }
    }

    public init(
        baselines: [Baseline] = [], newFindings: [FindingChange] = [], resolved: [FindingChange] = [],
        changed: [FindingChange] = [], inventory: [InventoryChange] = [], trend: [TrendPoint] = []
    ) {
        self.baselines = baselines
        self.newFindings = newFindings
        self.resolved = resolved
        self.changed = changed
        self.inventory = inventory
        self.trend = trend
    }

    enum CodingKeys: String, CodingKey {
        case baselines
        case newFindings = "new"
        case resolved, changed, inventory, trend
    }

    /// True when nothing changed at all (the trend aside).
    public var isEmpty: Bool { newFindings.isEmpty && resolved.isEmpty && changed.isEmpty && inventory.isEmpty }
}
