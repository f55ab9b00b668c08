import CapdoCore
import Foundation

/// A socket address from `getaddrinfo`, kept as bytes so it can be reused for every handshake.
struct ResolvedAddress: Sendable {
    var family: Int32
    var bytes: [UInt8]
    /// The numeric address (`127.0.0.1`, `::1`).
    var text: String

    /// Resolves `host` (name or literal) for a TCP connection; the first address wins (IPv4 preferred). A name
    /// the resolver has not answered for within `timeout` seconds is an error, like a connect that times out.
    static func resolve(_ host: String, port: Int, timeout: Double) throws(CapdoError) -> ResolvedAddress {
        if X509Certificate.isIPLiteral(host) { return try lookup(host, port: port).get() }
        guard let result = PendingLookup.run(timeout: timeout, { lookup(host, port: port) }) else {
            throw CapdoError(
                .resolve, "cannot resolve '\(host)'",
                cause: "no answer from the resolver within \(PlainSocket.seconds(timeout))")
        }
        return try result.get()
    }

    private static func lookup(_ host: String, port: Int) -> Result<ResolvedAddress, CapdoError> {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_family = AF_UNSPEC
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let list else {
            return .failure(
                CapdoError(.resolve, "cannot resolve '\(host)'", cause: String(cString: gai_strerror(status))))
        }
        defer { freeaddrinfo(list) }
        var candidates: [ResolvedAddress] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = list
        while let entry = cursor {
            if let address = entry.pointee.ai_addr {
                let bytes = Array(UnsafeRawBufferPointer(start: address, count: Int(entry.pointee.ai_addrlen)))
                candidates.append(
                    ResolvedAddress(
                        family: entry.pointee.ai_family, bytes: bytes,
                        text: Self.numeric(address, entry.pointee.ai_addrlen)))
            }
            cursor = entry.pointee.ai_next
        }
        guard let best = candidates.first(where: { $0.family == AF_INET }) ?? candidates.first else {
            return .failure(CapdoError(.resolve, "cannot resolve '\(host)'", cause: "no address"))
        }
        return .success(best)
    }

    /// The same address with another port: `sin_port` and `sin6_port` both sit at offset 2, in network order.
    func with(port: Int) -> ResolvedAddress {
        var copy = self
        if copy.bytes.count >= 4 {
            copy.bytes[2] = UInt8((port >> 8) & 0xFF)
            copy.bytes[3] = UInt8(port & 0xFF)
        }
        return copy
    }

    private static func numeric(_ address: UnsafeMutablePointer<sockaddr>, _ length: socklen_t) -> String {
        var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        guard getnameinfo(address, length, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0 else {
            return "?"
        }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
