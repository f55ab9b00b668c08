import CapdoCore
import CapdoTLS
import Foundation

/// `capdo lan --tls`: the TCP services the LAN analysis proved on ports that speak TLS from the first byte, probed
/// as `capdo tls` probes (same timeouts and concurrency). Only addresses the capture or scan proved are contacted.
public struct LanTLSProbe: Sendable {
    /// `TLSSource.wellKnownPorts` and the usual test and alternative HTTPS ports.
    static let ports: Set<Int> = TLSSource.wellKnownPorts.union([4433, 4443, 5986, 8843])
    /// At most this many endpoints per run.
    static let limit = 256

    public var timeout: Double = 5
    public var concurrency: Int = 32

    public init() {}

    /// `HOST:PORT` of each proven TLS-port service, in facts order, without repeats.
    static func endpoints(_ facts: LanFacts) -> [String] {
        var out: [String] = []
        for service in facts.services where service.protocol == "tcp" && ports.contains(service.port) {
            let host = service.ip.contains(":") ? "[\(service.ip)]" : service.ip
            let endpoint = "\(host):\(service.port)"
            if !out.contains(endpoint) { out.append(endpoint) }
        }
        return Array(out.prefix(limit))
    }

    /// The `tls` facts of the probed endpoints (nil when the LAN proved none) and the probe issues.
    func collect(_ facts: LanFacts, now: Date) async throws(CapdoError) -> (TLSFacts?, [CollectionIssue]) {
        let endpoints = Self.endpoints(facts)
        guard !endpoints.isEmpty else { return (nil, []) }
        var targets: [TLSTarget] = []
        for endpoint in endpoints { targets.append(try TLSTarget.parse(endpoint, origin: "lan")) }
        let options = TLSProbeOptions(
            connectTimeout: timeout, handshakeTimeout: timeout, concurrency: concurrency, caFile: nil)
        let inventory = TLSInventory(prober: try TLSProber(options: options), now: now)
        let (tls, issues) = await inventory.collect(targets: targets, files: [], root: nil)
        return (tls, issues)
    }
}
