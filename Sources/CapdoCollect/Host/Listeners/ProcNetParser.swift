import CapdoCore

#if canImport(Glibc)
    import Glibc
#endif

/// Parses `/proc/net/{tcp,tcp6,udp,udp6}`: pure text → listening sockets with their inodes.
///
/// Addresses are hex in kernel byte order: IPv4 is one little-endian 32-bit word, IPv6 four of them. TCP
/// sockets count in state `0A` (LISTEN), UDP sockets in state `07` (bound, unconnected).
public enum ProcNetParser {
    /// One listening socket and its inode (to find the owning process).
    public struct Entry: Sendable, Equatable {
        public var socket: ListeningSocket
        public var inode: UInt64
    }

    /// `protocolName` is `tcp` or `udp`; `ipv6` selects the address format; `file` is root-relative.
    public static func parse(_ text: String, protocolName: String, ipv6: Bool, file: String) -> (
        entries: [Entry], issues: [CollectionIssue]
    ) {
        var entries: [Entry] = []
        var issues: [CollectionIssue] = []
        let wanted = protocolName == "tcp" ? "0A" : "07"
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index > 0 {
            let fields = raw.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.isEmpty { continue }
            guard fields.count >= 10, fields[0].hasSuffix(":") else {
                issues.append(
                    CollectionIssue(
                        collector: "listeners", level: .warning, file: file, line: index + 1,
                        message: "unexpected line format; ignored"))
                continue
            }
            guard fields[3].uppercased() == wanted else { continue }
            let local = fields[1].split(separator: ":")
            guard local.count == 2, let port = Int(local[1], radix: 16),
                let address = ipv6 ? ipv6Address(local[0]) : ipv4Address(local[0]), let inode = UInt64(fields[9])
            else {
                issues.append(
                    CollectionIssue(
                        collector: "listeners", level: .warning, file: file, line: index + 1,
                        message: "unreadable local address; ignored"))
                continue
            }
            let socket = ListeningSocket(
                protocol: protocolName, family: ipv6 ? "ipv6" : "ipv4", address: address, port: port,
                loopback: isLoopback(address), file: file, line: index + 1)
            entries.append(Entry(socket: socket, inode: inode))
        }
        return (entries, issues)
    }

    /// `0100007F` → `127.0.0.1`.
    public static func ipv4Address(_ hex: Substring) -> String? {
        guard hex.count == 8, let word = UInt32(hex, radix: 16) else { return nil }
        return (0..<4).map { String((word >> (8 * UInt32($0))) & 0xFF) }.joined(separator: ".")
    }

    /// `00000000000000000000000001000000` → `::1` (four little-endian words, printed canonically).
    public static func ipv6Address(_ hex: Substring) -> String? {
        guard hex.count == 32 else { return nil }
        var bytes: [UInt8] = []
        var start = hex.startIndex
        for _ in 0..<4 {
            let end = hex.index(start, offsetBy: 8)
            guard let word = UInt32(hex[start..<end], radix: 16) else { return nil }
            for shift in 0..<4 { bytes.append(UInt8((word >> (8 * UInt32(shift))) & 0xFF)) }
            start = end
        }
        var address = in6_addr()
        withUnsafeMutableBytes(of: &address) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(AF_INET6, &address, &buffer, socklen_t(buffer.count)) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// 127.0.0.0/8, `::1` and IPv4-mapped loopback.
    public static func isLoopback(_ address: String) -> Bool {
        address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
    }
}
