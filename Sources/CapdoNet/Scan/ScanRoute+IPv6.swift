import Foundation

/// The IPv6 routing table and interface addresses, as the kernel prints them under /proc.
extension ScanRoute {
    /// Parses `/proc/net/ipv6_route`: destination, prefix length, source, source prefix length, next hop, metric,
    /// reference count, use, flags, device. Routes that are not up, rejecting ones and the local table's own
    /// addresses are left out.
    static func parseV6(_ text: String) -> [Entry] {
        var out: [Entry] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 10, let destination = parseHex128(fields[0]), let length = Int(fields[1], radix: 16),
                length <= 128, let gateway = parseHex128(fields[4]), let metric = UInt32(fields[5], radix: 16),
                let flags = UInt32(fields[8], radix: 16),
                flags & 0x1 != 0, flags & 0x200 == 0, flags & 0x8000_0000 == 0
            else { continue }
            out.append(
                Entry(
                    interface: String(fields[9]), prefix: AddressPrefix(network: destination, length: length),
                    gateway: gateway.high == 0 && gateway.low == 0 ? nil : gateway, metric: Int(metric)))
        }
        return out
    }

    /// 32 hex digits (no colons) → an IPv6 address.
    static func parseHex128<S: StringProtocol>(_ text: S) -> IPAddress? {
        guard text.count == 32, let high = UInt64(text.prefix(16), radix: 16),
            let low = UInt64(text.suffix(16), radix: 16)
        else { return nil }
        return IPAddress(high: high, low: low, isV6: true)
    }

    /// The interface's link-local address (`/proc/net/if_inet6`: address, index, prefix length, scope, flags, name),
    /// skipping tentative ones (flag 0x40) that cannot be used as a source yet.
    static func linkLocalAddress(of interface: String, table: String? = nil) -> IPAddress? {
        let text = table ?? (try? String(contentsOfFile: "/proc/net/if_inet6", encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 6, fields[5] == interface, fields[3] == "20",
                let flags = Int(fields[4], radix: 16), flags & 0x40 == 0, let address = parseHex128(fields[0])
            else { continue }
            return address
        }
        return nil
    }

    /// Link-local unicast, fe80::/10.
    static func isLinkLocal(_ address: IPAddress) -> Bool { address.isV6 && address.high >> 54 == 0x3FA }
}
