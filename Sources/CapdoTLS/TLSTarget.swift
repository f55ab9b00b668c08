import CapdoCore
/// An endpoint to probe: host, port, the SNI to send and an optional STARTTLS dialect.
public struct TLSTarget: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    /// `smtp`, `imap`, `pop3`, `ftp`, or nil for TLS from the first byte.
    public var starttls: String?
    /// Where it came from (`command line`, `listener`, `capdo.yaml`, `lan`).
    public var origin: String?

    public init(host: String, port: Int, starttls: String? = nil, origin: String? = nil) {
        self.host = host
        self.port = port
        self.starttls = starttls
        self.origin = origin
    }

    /// The STARTTLS dialects understood.
    public static let starttlsDialects = ["smtp", "imap", "pop3", "ftp"]

    /// The usual STARTTLS dialect of a well-known port (25, 587 → smtp; 143 → imap; 110 → pop3; 21 → ftp).
    public static func defaultStarttls(port: Int) -> String? {
        switch port {
        case 25, 587: return "smtp"
        case 143: return "imap"
        case 110: return "pop3"
        case 21: return "ftp"
        default: return nil
        }
    }

    /// Parses `host:port`, `[v6]:port` or `host` (port 443), with an optional STARTTLS dialect; text that is not an
    /// endpoint is a `.usage` error (the user wrote it).
    public static func parse(_ text: String, starttls: String? = nil, origin: String? = nil) throws(CapdoError)
        -> TLSTarget
    {
        var host = text.trimmingCharacters(in: .whitespaces)
        var port = 443
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { throw CapdoError(.usage, "'\(text)': missing ']'") }
            let rest = host[host.index(after: close)...]
            let inner = String(host[host.index(after: host.startIndex)..<close])
            if rest.hasPrefix(":") {
                guard let value = Int(rest.dropFirst()) else {
                    throw CapdoError(.usage, "'\(text)': port is not a number")
                }
                port = value
            } else if !rest.isEmpty {
                throw CapdoError(.usage, "'\(text)': expected [address]:port")
            }
            host = inner
        } else if let colon = host.lastIndex(of: ":"), host.filter({ $0 == ":" }).count == 1 {
            guard let value = Int(host[host.index(after: colon)...]) else {
                throw CapdoError(.usage, "'\(text)': port is not a number")
            }
            port = value
            host = String(host[..<colon])
        }
        guard !host.isEmpty else { throw CapdoError(.usage, "'\(text)': empty host") }
        guard (1...65_535).contains(port) else { throw CapdoError(.usage, "'\(text)': port must be 1-65535") }
        if let starttls, !starttlsDialects.contains(starttls) {
            throw CapdoError(
                .usage, "unknown STARTTLS dialect '\(starttls)' (known: \(starttlsDialects.joined(separator: ", ")))"
            )
        }
        return TLSTarget(host: host, port: port, starttls: starttls, origin: origin)
    }

    /// `host:port`, IPv6 literals bracketed.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
