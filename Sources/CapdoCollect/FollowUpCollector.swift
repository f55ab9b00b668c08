import CapdoCore

/// A collector that runs after the host collectors and may read what they found (the TLS probe reaches the live
/// host's own listeners). It reads the world only through a source the `HostEnvironment` carries, so CapdoCollect
/// links no OpenSSL or libpcap: the app registers the sources, and without one the collector adds nothing.
public protocol FollowUpCollector: Sendable {
    /// Stable id (`tls`) used in issues and timings.
    var id: String { get }
    /// One line for the report's method section.
    var summary: String { get }
    /// Adds this collector's section and issues to `snapshot`; true when its run belongs in the snapshot's list
    /// of collector runs (it looked at something).
    func collect(into snapshot: inout HostSnapshot, in environment: HostEnvironment) async throws(CapdoError) -> Bool
}
