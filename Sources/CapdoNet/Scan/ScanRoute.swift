import CapdoCore
import Foundation

/// How an IPv4 target is reached: the interface, our source address on it, and the next hop (the target itself
/// when it is on a directly connected subnet, else the gateway). Read from the kernel's main routing table
/// (`/proc/net/route`) and its source-address choice (a connected UDP socket, which sends nothing).
struct ScanRoute: Equatable {
    var interface: String
    var source: UInt32
    var nextHop: UInt32

    /// One line of `/proc/net/route`.
    struct Entry: Equatable {
        var interface: String
        var destination: UInt32
        var gateway: UInt32
        var mask: UInt32
        var metric: Int
    }

    /// Parses `/proc/net/route` (addresses as the kernel's in-memory network-order words, printed in hex).
    static func parse(_ text: String) -> [Entry] {
        var out: [Entry] = []
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 8, let destination = UInt32(fields[1], radix: 16),
                let gateway = UInt32(fields[2], radix: 16), let flags = Int(fields[3], radix: 16),
                let metric = Int(fields[6]), let mask = UInt32(fields[7], radix: 16), flags & 1 != 0
            else { continue }
            out.append(
                Entry(
                    interface: String(fields[0]), destination: UInt32(bigEndian: destination),
                    gateway: UInt32(bigEndian: gateway), mask: UInt32(bigEndian: mask), metric: metric))
        }
        return out
    }

    /// The most specific route for `target` (longest mask, then lowest metric).
    static func lookup(_ target: UInt32, in entries: [Entry]) -> Entry? {
        entries.filter { target & $0.mask == $0.destination & $0.mask }.min {
            ($0.mask.nonzeroBitCount, -$0.metric) > ($1.mask.nonzeroBitCount, -$1.metric)
        }
    }

    /// The route to `target` on this host (in this network namespace).
    static func find(_ target: UInt32) throws -> ScanRoute {
        let text = (try? String(contentsOfFile: "/proc/net/route", encoding: .utf8)) ?? ""
        guard let entry = lookup(target, in: parse(text)) else {
            throw CapdoError(
                .capture, "No IPv4 route to \(IPAddress.v4(target).description); a SYN scan needs one (see 'ip route')."
            )
        }
        let source = try sourceAddress(for: target)
        return ScanRoute(
            interface: entry.interface, source: source, nextHop: entry.gateway == 0 ? target : entry.gateway)
    }

    /// The source address the kernel would use towards `target`: connect a UDP socket (no packet is sent).
    static func sourceAddress(for target: UInt32) throws -> UInt32 {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else {
            throw CapdoError(.capture, "Cannot open a socket.", cause: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var remote = sockaddr_in()
        remote.sin_family = sa_family_t(AF_INET)
        remote.sin_port = UInt16(9).bigEndian
        remote.sin_addr.s_addr = target.bigEndian
        let connected = withUnsafePointer(to: &remote) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            throw CapdoError(
                .capture, "No route to \(IPAddress.v4(target).description).", cause: String(cString: strerror(errno)))
        }
        var local = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return UInt32(bigEndian: local.sin_addr.s_addr)
    }

    /// The interface's Ethernet address (`/sys/class/net/IF/address`), nil when it has none.
    static func hardwareAddress(of interface: String) -> UInt64? {
        guard !interface.contains("/"),
            let text = try? String(contentsOfFile: "/sys/class/net/\(interface)/address", encoding: .utf8)
        else { return nil }
        return NeighbourTable.parseMAC(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
