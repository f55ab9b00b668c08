import CapdoCore

/// Reads a capture, captures live or scans actively for `LanCollector` (the app's CapdoNet implementation).
public protocol LanFactSource: Sendable {
    /// The `lan` section, with the issues the report must state about the reading.
    func collect() async throws(CapdoError) -> (facts: LanFacts, issues: [CollectionIssue])
}
