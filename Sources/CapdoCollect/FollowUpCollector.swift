import CapdoCore

/// A collector that runs after the host collectors and may read what they found (the TLS probe reaches the live
/// host's own listeners). It reads the world only through a source the `HostEnvironment` carries, so CapdoCollect
/// links no OpenSSL or libpcap: the app registers the sources, and without one the collector adds nothing.
public struct FollowUpCollector: Sendable {
    /// Stable id (`tls`) used in issues and timings.
    public let id: String
    /// One line for the report's method section.
    public let summary: String
    /// Adds the collector's section and issues to the snapshot; true when its run belongs in the snapshot's list of
    /// collector runs (it looked at something).
    let step: @Sendable (inout HostSnapshot, HostEnvironment) async throws(CapdoError) -> Bool

    public func collect(into snapshot: inout HostSnapshot, in environment: HostEnvironment) async throws(CapdoError)
        -> Bool
    {
        try await step(&snapshot, environment)
    }

    /// The `tls` section: endpoints probed and certificate files read through the environment's `TLSFactSource`.
    public static let tls = FollowUpCollector(
        id: "tls", summary: "TLS endpoints (given, configured, the live host's own listeners) and certificate files"
    ) { (snapshot, environment) throws(CapdoError) in
        guard let source = environment.tls,
            let found = try await source.collect(listeners: snapshot.listeners, in: environment)
        else { return false }
        snapshot.tls = found.facts
        snapshot.issues += found.issues
        return found.facts != nil
    }

    /// The `lan` section of a host scan (`capdo scan --pcap`), through the environment's `LanFactSource`. Never
    /// listed among the host's collector runs: the capture is an input the user gave, described by the LAN section's
    /// own counters, and the reports count the runs of the host's collectors.
    public static let lan = FollowUpCollector(id: "lan", summary: "LAN facts from a capture given with the scan") {
        (snapshot, environment) throws(CapdoError) in
        guard let source = environment.lan else { return false }
        let found = try await source.collect()
        snapshot.lan = found.facts
        snapshot.issues += found.issues
        return false
    }
}
