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
    /// Also fetch pages over HTTPS (`--http`): headers, cookies, directory listing, and the plain-HTTP redirect.
    public var http = false
    /// Paths fetched on every endpoint (`--http-path`; a login page for its cookies).
    public var httpPaths: [String] = ["/"]
    /// The plain-HTTP port of the same hosts checked for a redirect (`--http-port`).
    public var httpPlainPort = 80

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
        loaded.catalog.rules = loaded.catalog.rules.filter { TLSSource.isTLSRule($0) || (http && Self.isHTTPRule($0)) }
        var targets: [TLSTarget] = []
        for text in endpoints {
            targets.append(try TLSTarget.parse(text, starttls: starttls, origin: "command line"))
        }
        let options = TLSProbeOptions(
            connectTimeout: timeout, handshakeTimeout: timeout, concurrency: concurrency, caFile: caFile)
        let prober = try TLSProber(options: options)
        let inventory = TLSInventory(prober: prober, now: clock.now)
        let references = files.map { CertificateReference(path: $0, referencedBy: "") }
        var (facts, issues) = await inventory.collect(targets: targets, files: references, root: nil)
        if http {
            let pages = await prober.probeHTTP(targets, paths: httpPaths, plainPort: httpPlainPort)
            facts.httpSites = pages.sites
            facts.httpCookies = pages.cookies
            issues += pages.issues
        }
        var snapshot = HostSnapshot(collectedAt: clock.now, root: "tls", live: false, tls: facts, issues: issues)
        snapshot.system = SystemFacts(hostname: "tls-" + CapdoDate.day(clock.now))
        let probed = Set(endpoints)
        let result = try ScanAssembler.evaluatePseudoHost(snapshot, ruleSet: loaded, session: session) { system in
            !probed.isDisjoint(with: system.tlsEndpoints)
        }
        return (result, "tls-" + CapdoDate.day(clock.now), snapshot)
    }

    /// A rule judged from the HTTP probe's facts (`app.http.*`).
    static func isHTTPRule(_ rule: Rule) -> Bool { rule.id.hasPrefix("app.http.") }

    /// A path `--http-path` accepts: absolute, printable ASCII without spaces (it goes into the request line).
    public static func isRequestPath(_ path: String) -> Bool {
        path.hasPrefix("/") && path.count <= 2_048
            && path.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) }
    }
}
