import CapdoCore
import Foundation

/// How a target is reached: the interface, our source address on it, and the next hop (the target itself when it is
/// on a directly connected subnet, else the gateway). Read from the kernel's main routing tables (`/proc/net/route`,
/// `/proc/net/ipv6_route`) and its source-address choice (a connected UDP socket, which sends nothing).
struct ScanRoute: Equatable {
    var interface: String
    var source: IPAddress
    var nextHop: IPAddress

    /// One route of either table.
    struct Entry: Equatable {
        var interface: String
        var prefix: AddressPrefix
        /// nil for an on-link route.
        var gateway: IPAddress?
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
            let hop = UInt32(bigEndian: gateway)
            out.append(
                Entry(
                    interface: String(fields[0]),
                    prefix: AddressPrefix(
                        network: .v4(UInt32(bigEndian: destination)), length: UInt32(bigEndian: mask).nonzeroBitCount),
                    gateway: hop == 0 ? nil : .v4(hop), metric: metric))
        }
        return out
    }

    /// The most specific route for `target` (longest prefix, then lowest metric).
    static func lookup(_ target: IPAddress, in entries: [Entry]) -> Entry? {
        entries.filter { $0.prefix.contains(target) }.min {
            ($0.prefix.length, -$0.metric) > ($1.prefix.length, -$1.metric)
        }
    }

    /// The route to `target` on this host (in this network namespace), through `interface` when one is given.
    static func find(_ target: IPAddress, on interface: String? = nil) throws -> ScanRoute {
        let table = target.isV6 ? "/proc/net/ipv6_route" : "/proc/net/route"
        let text = (try? String(contentsOfFile: table, encoding: .utf8)) ?? ""
        let entry = try choose(target, in: target.isV6 ? parseV6(text) : parse(text), on: interface)
        let source = try sourceAddress(for: target, interface: entry.interface)
        return ScanRoute(interface: entry.interface, source: source, nextHop: entry.gateway ?? target)
    }

    /// The route `lookup` gives among the routes of `interface` (all routes when nil), or why there is none to use:
    /// no route at all, or a link-local target whose prefix is on several interfaces (it is on every one, so the
    /// interface is only known when a single one carries it or `--scan-interface` names it).
    static func choose(_ target: IPAddress, in entries: [Entry], on interface: String? = nil) throws -> Entry {
        let entries = interface.map { name in entries.filter { $0.interface == name } } ?? entries
        guard let entry = lookup(target, in: entries) else {
            let command = target.isV6 ? "ip -6 route" : "ip route"
            let through = interface.map { " through \($0)" } ?? ""
            throw CapdoError(
                .capture, "No route to \(target.description)\(through); a SYN scan needs one (see '\(command)').")
        }
        guard isLinkLocal(target) else { return entry }
        let ties = Set(
            entries.filter { $0.prefix.contains(target) && $0.prefix.length == entry.prefix.length }.map(\.interface))
        if ties.count > 1 {
            throw CapdoError(
                .usage,
                "\(target.description) is reachable on several interfaces (\(ties.sorted().joined(separator: ", "))); "
                    + "a link-local target needs a single one: name it with --scan-interface.")
        }
        return entry
    }

    /// The source address the kernel would use towards `target`: connect a UDP socket (no packet is sent). An IPv6
    /// link-local target is scoped to `interface`.
    static func sourceAddress(for target: IPAddress, interface: String? = nil) throws -> IPAddress {
        let fd = socket(target.isV6 ? AF_INET6 : AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else {
            throw CapdoError(.capture, "Cannot open a socket.", cause: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        let scope = interface.map { if_nametoindex($0) } ?? 0
        let connected = SocketAddress.with(target, port: 9, scope: scope) { connect(fd, $0, $1) }
        guard connected == 0 else {
            throw CapdoError(
                .capture, "No route to \(target.description).", cause: String(cString: strerror(errno)))
        }
        var local = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let named = withUnsafeMutablePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0,
            let address = withUnsafePointer(
                to: &local, { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { SocketAddress.address(of: $0) } })
        else {
            throw CapdoError(.capture, "Cannot read the source address towards \(target.description).")
        }
        return address
    }

    /// The interface's Ethernet address (`/sys/class/net/IF/address`), nil when it has none.
    static func hardwareAddress(of interface: String) -> UInt64? {
        guard !interface.contains("/"),
            let text = try? String(contentsOfFile: "/sys/class/net/\(interface)/address", encoding: .utf8)
        else { return nil }
        return NeighbourTable.parseMAC(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
