import CapdoCore

/// The `lan` section of a host scan (`capdo scan --pcap`), through the environment's `LanFactSource`.
public struct LanCollector: FollowUpCollector {
    public let id = "lan"
    public let summary = "LAN facts from a capture given with the scan"

    public init() {}

    /// Never listed among the host's collector runs: the capture is an input the user gave, described by the LAN
    /// section's own counters, and the reports count the runs of the host's collectors.
    public func collect(into snapshot: inout HostSnapshot, in environment: HostEnvironment) async throws(CapdoError)
        -> Bool
    {
        guard let source = environment.lan else { return false }
        let found = try await source.collect()
        snapshot.lan = found.facts
        snapshot.issues += found.issues
        return false
    }
}
