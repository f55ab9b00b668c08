/// Formats a `ListenAddress` the way `sshd -T` prints it: `host:port`, IPv6 in brackets, one entry per
/// `Port` when the address names none.
enum SshdListenAddress {
    static func expand(_ spec: String, ports: [String]) -> [String] {
        var host = spec
        var port: String?
        if spec.hasPrefix("["), let close = spec.firstIndex(of: "]") {
            host = String(spec[spec.index(after: spec.startIndex)..<close])
            let after = spec[spec.index(after: close)...]
            if after.hasPrefix(":") { port = String(after.dropFirst()) }
        } else if spec.filter({ $0 == ":" }).count == 1, let colon = spec.firstIndex(of: ":") {
            host = String(spec[..<colon])
            port = String(spec[spec.index(after: colon)...])
        }
        let shown = host.contains(":") ? "[\(host)]" : host
        if let port { return ["\(shown):\(port)"] }
        return ports.map { "\(shown):\($0)" }
    }
}
