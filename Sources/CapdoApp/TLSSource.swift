import CapdoCollect
import CapdoCore
import CapdoTLS
import Foundation

/// The TLS endpoints and certificate files a host scan inspects, probed through CapdoTLS: the `TLSFactSource` the
/// scan registers in its `HostEnvironment` for `TLSCollector`.
public struct TLSSource: TLSFactSource {
    /// Ports that usually speak TLS from the first byte (probed when the live host listens on them).
    static let wellKnownPorts: Set<Int> = [443, 465, 636, 853, 990, 992, 993, 994, 995, 5061, 6697, 8443, 9443]

    /// `--tls` endpoints, then capdo.yaml `tls_endpoints`.
    var given: [String]
    var configured: [String]
    /// The root as given on the command line: certificate paths are found and named under it.
    var root: String

    public init(given: [String], configured: [String], root: String) {
        self.given = given
        self.configured = configured
        self.root = root
    }

    /// Probes `--tls` endpoints, capdo.yaml `tls_endpoints` and (live host) its own TLS listeners; reads the
    /// certificate files named in web/mail configs.
    public func collect(listeners: ListenerFacts?, in environment: HostEnvironment) async throws(CapdoError) -> (
        facts: TLSFacts?, issues: [CollectionIssue]
    )? {
        var targets: [TLSTarget] = []
        // Flags first, then the systems' `tls_endpoints` from capdo.yaml (already syntax-checked by the loader).
        for (text, origin) in given.map({ ($0, "command line") }) + configured.map({ ($0, "capdo.yaml") }) {
            do throws(CapdoError) {
                let target = try TLSTarget.parse(text, origin: origin)
                if !targets.contains(target) { targets.append(target) }
            } catch {
                throw CapdoError(
                    .usage, "\(origin == "command line" ? "--tls" : "capdo.yaml tls_endpoints"): \(error.description)")
            }
        }
        if environment.live { targets += Self.listenerTargets(listeners).filter { !targets.contains($0) } }
        let references = CertificatePathFinder.find(root: root)
        guard !targets.isEmpty || !references.isEmpty else { return nil }
        let prober: TLSProber
        do {
            prober = try TLSProber(options: TLSProbeOptions(connectTimeout: 3, handshakeTimeout: 5, concurrency: 16))
        } catch {
            return (nil, [CollectionIssue(collector: "tls", message: error.description)])
        }
        let (facts, issues) = await TLSInventory(prober: prober, now: environment.now).collect(
            targets: targets, files: references, root: root)
        return (facts, issues)
    }

    /// A rule judged from the `tls` facts (`<group>.tls.endpoint_*` or `<group>.tls.certificate_*`).
    static func isTLSRule(_ rule: Rule) -> Bool {
        rule.id.contains(".tls.endpoint") || rule.id.contains(".tls.certificate")
    }

    /// The live host's own TLS listeners (well-known TLS ports and STARTTLS ports), reached over loopback.
    static func listenerTargets(_ listeners: ListenerFacts?, limit: Int = 64) -> [TLSTarget] {
        guard let listeners else { return [] }
        var seen = Set<Int>()
        var targets: [TLSTarget] = []
        for socket in listeners.sockets where socket.protocol == "tcp" {
            let starttls = TLSTarget.defaultStarttls(port: socket.port)
            guard wellKnownPorts.contains(socket.port) || starttls != nil, seen.insert(socket.port).inserted else {
                continue
            }
            // Only our own addresses: loopback for wildcard and loopback binds, the bound address otherwise.
            let wildcard = ["0.0.0.0", "::", "*"].contains(socket.address)
            let host = wildcard || socket.loopback ? (socket.family == "ipv6" ? "::1" : "127.0.0.1") : socket.address
            targets.append(TLSTarget(host: host, port: socket.port, starttls: starttls, origin: "listener"))
            if targets.count >= limit { break }
        }
        return targets
    }
}
