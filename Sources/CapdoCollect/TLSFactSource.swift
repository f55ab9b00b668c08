import CapdoCore

/// Probes TLS endpoints and reads certificate files for `TLSCollector` (the app's CapdoTLS implementation).
public protocol TLSFactSource: Sendable {
    /// The `tls` section for a host whose listeners are `listeners`: nil when there is nothing to probe or read;
    /// facts nil with issues when the prober could not be set up.
    func collect(listeners: ListenerFacts?, in environment: HostEnvironment) async throws(CapdoError) -> (
        facts: TLSFacts?, issues: [CollectionIssue]
    )?
}
