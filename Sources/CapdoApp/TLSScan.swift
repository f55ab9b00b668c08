import CapdoCore
import CapdoTLS
import Foundation

/// Glue between `capdo scan` and CapdoTLS: which endpoints and certificate files a scan inspects.
enum TLSScan {
    /// Ports that usually speak TLS from the first byte (probed when the live host listens on them).
    static let wellKnownPorts: Set<Int> = [443, 465, 636, 853, 990, 992, 993, 994, 995, 5061, 6697, 8443, 9443]

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
