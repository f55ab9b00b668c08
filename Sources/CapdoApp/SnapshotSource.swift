import CapdoCore

/// What `FleetEvaluation` judges: a snapshot file, or a snapshot this run gathered.
public enum SnapshotSource: Sendable {
    case file(String)
    case gathered(HostSnapshot)
}
