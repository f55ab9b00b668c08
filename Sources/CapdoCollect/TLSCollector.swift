import CapdoCore

/// The `tls` section: endpoints probed and certificate files read through the environment's `TLSFactSource`.
public struct TLSCollector: FollowUpCollector {
    public let id = "tls"
    public let summary = "TLS endpoints (given, configured, the live host's own listeners) and certificate files"

    public init() {}

    public func collect(into snapshot: inout HostSnapshot, in environment: HostEnvironment) async throws(CapdoError)
        -> Bool
    {
        guard let source = environment.tls,
            let found = try await source.collect(listeners: snapshot.listeners, in: environment)
        else { return false }
        snapshot.tls = found.facts
        snapshot.issues += found.issues
        return found.facts != nil
    }
}
