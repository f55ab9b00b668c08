import Foundation

/// Syntax checks for the network targets of `capdo.yaml` (the LAN and TLS features read them later).
enum NetworkSyntax {
    /// An IPv4 or IPv6 address, optionally with a `/prefix` in range.
    static func isTarget(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let address = parts.first else { return false }
        let v4 = isIPv4(String(address))
        let v6 = !v4 && isIPv6(String(address))
        guard v4 || v6 else { return false }
        guard parts.count == 2 else { return true }
        guard let prefix = Int(parts[1]) else { return false }
        return prefix >= 0 && prefix <= (v4 ? 32 : 128)
    }

    /// `host:port` or `[v6]:port` with a port in 1…65535 and a non-empty host.
    static func isEndpoint(_ text: String) -> Bool {
        guard let colon = text.lastIndex(of: ":") else { return false }
        var host = String(text[..<colon])
        guard let port = Int(text[text.index(after: colon)...]), (1...65535).contains(port) else { return false }
        if host.hasPrefix("[") && host.hasSuffix("]") {
            host = String(host.dropFirst().dropLast()); return isIPv6(host)
        }
        return !host.isEmpty && host.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" }
    }

    static func isIPv4(_ text: String) -> Bool {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4
            && octets.allSatisfy { octet in
                !octet.isEmpty && octet.count <= 3 && octet.allSatisfy(\.isASCII)
                    && Int(octet).map { $0 <= 255 } == true
            }
    }

    static func isIPv6(_ text: String) -> Bool {
        var address = in6_addr()
        return inet_pton(AF_INET6, text, &address) == 1
    }
}
