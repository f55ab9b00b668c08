import Foundation

/// The kernel's IPv6 neighbour table, which only netlink shows (there is no /proc file for it): an `RTM_GETNEIGH`
/// dump over a `NETLINK_ROUTE` socket. Usable entries only: reachable, stale, delay, probe or permanent, with a
/// unicast link-layer address. Reading sends nothing on the network.
enum NeighbourTableV6 {
    static let getNeighbours: UInt16 = 30  // RTM_GETNEIGH
    static let newNeighbour: UInt16 = 28  // RTM_NEWNEIGH
    static let done: UInt16 = 3  // NLMSG_DONE
    static let error: UInt16 = 2  // NLMSG_ERROR
    /// NUD_REACHABLE | NUD_STALE | NUD_DELAY | NUD_PROBE | NUD_PERMANENT.
    static let usable: UInt16 = 0x02 | 0x04 | 0x08 | 0x10 | 0x80

    /// Next hop → MAC for the usable entries on `interface`; empty when netlink cannot be read.
    static func read(interface: String) -> [IPAddress: UInt64] {
        let index = if_nametoindex(interface)
        guard index != 0 else { return [:] }
        let fd = socket(AF_NETLINK, Int32(SOCK_RAW.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)  // NETLINK_ROUTE
        guard fd >= 0 else { return [:] }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let request = self.request(sequence: 1)
        guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == request.count else { return [:] }
        var found: [IPAddress: UInt64] = [:]
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        // A dump ends with NLMSG_DONE; a bounded number of reads guards against a kernel that never says so.
        for _ in 0..<4096 {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return found }
            let (entries, finished) = parse(Array(buffer[0..<count]), interfaceIndex: Int32(index))
            found.merge(entries) { _, new in new }
            if finished { return found }
        }
        return found
    }

    /// An `RTM_GETNEIGH` dump request for IPv6: nlmsghdr (16 bytes) and ndmsg (12 bytes), in host byte order as
    /// netlink wants.
    static func request(sequence: UInt32) -> [UInt8] {
        var bytes: [UInt8] = []
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value) { bytes += $0 } }
        append(UInt32(28))
        append(getNeighbours)
        append(UInt16(0x0301))  // NLM_F_REQUEST | NLM_F_DUMP
        append(sequence)
        append(UInt32(0))
        bytes += [UInt8(AF_INET6), 0, 0, 0]
        bytes += [UInt8](repeating: 0, count: 8)
        return bytes
    }

    /// The usable entries of `interfaceIndex` in one read of a dump, and whether the dump ended (done or an error).
    /// Messages and attributes are bounds-checked: a short or malformed one ends the reading of that buffer.
    static func parse(_ bytes: [UInt8], interfaceIndex: Int32) -> (entries: [IPAddress: UInt64], finished: Bool) {
        func u16(_ at: Int) -> UInt16 {
            bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt16.self) }
        }
        func u32(_ at: Int) -> UInt32 {
            bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt32.self) }
        }
        var entries: [IPAddress: UInt64] = [:]
        var offset = 0
        while offset + 16 <= bytes.count {
            let length = Int(u32(offset))
            let type = u16(offset + 4)
            guard length >= 16, offset + length <= bytes.count else { return (entries, true) }
            if type == done || type == error { return (entries, true) }
            if type == newNeighbour, length >= 28, bytes[offset + 16] == UInt8(AF_INET6),
                Int32(bitPattern: u32(offset + 20)) == interfaceIndex, u16(offset + 24) & usable != 0
            {
                var destination: IPAddress?
                var mac: UInt64?
                var cursor = offset + 28
                while cursor + 4 <= offset + length {
                    let size = Int(u16(cursor))
                    let kind = u16(cursor + 2)
                    guard size >= 4, cursor + size <= offset + length else { break }
                    if kind == 1 && size == 4 + 16 {  // NDA_DST
                        var high: UInt64 = 0
                        var low: UInt64 = 0
                        for index in 0..<8 {
                            high = high << 8 | UInt64(bytes[cursor + 4 + index])
                            low = low << 8 | UInt64(bytes[cursor + 12 + index])
                        }
                        destination = IPAddress(high: high, low: low, isV6: true)
                    } else if kind == 2 && size == 4 + 6 {  // NDA_LLADDR
                        mac = (0..<6).reduce(UInt64(0)) { $0 << 8 | UInt64(bytes[cursor + 4 + $1]) }
                    }
                    cursor += (size + 3) & ~3
                }
                if let destination, let mac, NeighbourSolicitation.isUnicast(mac) { entries[destination] = mac }
            }
            offset += (length + 3) & ~3
        }
        return (entries, false)
    }
}
