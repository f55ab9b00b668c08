import CapdoCore
import Foundation

/// Parses `--targets 10.0.0.0/24,host,192.0.2.5,2001:db8::/120` into addresses, refusing empty or over-broad lists.
public struct TargetSpec: Sendable {
    /// Largest target list accepted without explicit consent (`--i-have-authorisation`).
    public static let consentThreshold = 256
    /// Largest list accepted at all.
    public static let hardLimit = 65_536
    /// The widest IPv6 prefix expanded (/120, 256 addresses): wider ones are sparse and cannot be swept.
    public static let widestV6Prefix = 120

    public let text: [String]
    let addresses: [IPAddress]

    public var count: Int { addresses.count }
    public var addressStrings: [String] { addresses.map(\.description) }

    public init(_ spec: String, authorised: Bool) throws {
        let items = spec.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !items.isEmpty else {
            throw CapdoError(.usage, "--targets is empty: name the hosts or ranges you are allowed to scan.")
        }
        var out: [IPAddress] = []
        var seen = Set<IPAddress>()
        for item in items {
            for address in try Self.expand(item) where seen.insert(address).inserted {
                out.append(address)
                if out.count > Self.hardLimit {
                    throw CapdoError(.usage, "--targets covers more than \(Self.hardLimit) addresses; split the scan.")
                }
            }
        }
        if out.count > Self.consentThreshold && !authorised {
            throw CapdoError(
                .usage,
                "--targets covers \(out.count) addresses (more than \(Self.consentThreshold)). Scan only what you are "
                    + "authorised to scan; if you are, add --i-have-authorisation.")
        }
        text = items
        addresses = out
    }

    static func expand(_ item: String) throws -> [IPAddress] {
        if let slash = item.firstIndex(of: "/") {
            let base = String(item[..<slash])
            let bits = Int(item[item.index(after: slash)...])
            if let v6 = IPAddress(base), v6.isV6 {
                guard let bits, (0...128).contains(bits) else {
                    throw CapdoError(.usage, "'\(item)' is not an IPv6 prefix (address/120 to /128).")
                }
                guard bits >= widestV6Prefix else {
                    throw CapdoError(
                        .usage,
                        "'\(item)' is too broad: the widest IPv6 prefix capdo scans is /\(widestV6Prefix) "
                            + "(\(1 << (128 - widestV6Prefix)) addresses); name the hosts or smaller prefixes.")
                }
                // Every address of the prefix: IPv6 has no broadcast address to leave out.
                let network = AddressPrefix.masked(v6, bits)
                return (0..<(UInt64(1) << UInt64(128 - bits))).map {
                    IPAddress(high: network.high, low: network.low | $0, isV6: true)
                }
            }
            guard let bits, let v4 = IPAddress.parseV4(base), (8...32).contains(bits) else {
                throw CapdoError(
                    .usage, "'\(item)' is not an IPv4 CIDR range (a.b.c.d/8 to /32) or an IPv6 prefix (/120 to /128).")
            }
            let mask: UInt32 = bits == 32 ? 0xFFFF_FFFF : ~(UInt32.max >> UInt32(bits))
            let network = v4 & mask
            let size = UInt64(1) << UInt64(32 - bits)
            if size > UInt64(hardLimit) { throw CapdoError(.usage, "'\(item)' is too broad; the widest range is /16.") }
            // Skip network and broadcast addresses for /8–/30.
            let range: ClosedRange<UInt64> = bits >= 31 ? 0...(size - 1) : 1...(size - 2)
            return range.map { .v4(network + UInt32($0)) }
        }
        if let address = IPAddress(item) { return [address] }
        // A host name: resolve (getaddrinfo), IPv4 and IPv6.
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(item, nil, &hints, &result) == 0, let first = result else {
            throw CapdoError(.usage, "Cannot resolve target '\(item)'.")
        }
        defer { freeaddrinfo(first) }
        var out: [IPAddress] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            if let socketAddress = info.pointee.ai_addr, let address = SocketAddress.address(of: socketAddress) {
                if !out.contains(address) { out.append(address) }
            }
            cursor = info.pointee.ai_next
        }
        return out
    }
}
