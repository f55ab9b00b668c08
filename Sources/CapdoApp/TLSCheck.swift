import CapdoCore
import CapdoTLS
import Foundation

/// `capdo tls`: probe TLS endpoints and read certificate files, judged by the TLS rules.
public struct TLSCheck: Sendable {
    /// Endpoints as `HOST:PORT` (`[v6]:PORT`).
    public var endpoints: [String] = []
    /// Certificate files (PEM or DER).
    public var files: [String] = []
    public var caFile: String?
    public var starttls: String?
    public var timeout: Double = 5
    public var concurrency: Int = 32

    public init(endpoints: [String] = [], files: [String] = []) {
        self.endpoints = endpoints
        self.files = files
    }

    /// The facts judged as the pseudo-host `tls-<date>`, with the report file stem.
    public func run(ruleSet: RuleSetChoice, session: ReportSession, warn: (String) -> Void) async throws(CapdoError)
        -> (result: ScanResult, stem: String, snapshot: HostSnapshot)
    {
        let clock = session.clock
        var loaded = try ruleSet.load(config: session.config, warn: warn)
        loaded.catalog.rules = loaded.catalog.rules.filter(TLSSource.isTLSRule)
        var targets: [TLSTarget] = []
        for text in endpoints {
            targets.append(try TLSTarget.parse(text, starttls: starttls, origin: "command line"))
        }
        let options = TLSProbeOptions(
            connectTimeout: timeout, handshakeTimeout: timeout, concurrency: concurrency, caFile: caFile)
        let inventory = TLSInventory(prober: try TLSProber(options: options), now: clock.now)
        let references = files.map { CertificateReference(path: $0, referencedBy: "") }
        let (facts, issues) = await inventory.collect(targets: targets, files: references, root: nil)
        var snapshot = HostSnapshot(collectedAt: clock.now, root: "tls", live: false, tls: facts, issues: issues)
        snapshot.system = SystemFacts(hostname: "tls-" + CapdoDate.day(clock.now))
        let probed = Set(endpoints)
        let result = try ScanAssembler.evaluatePseudoHost(snapshot, ruleSet: loaded, session: session) { system in
            !probed.isDisjoint(with: system.tlsEndpoints)
        }
        return (result, "tls-" + CapdoDate.day(clock.now), snapshot)
    }
}
