import Foundation
import Testing

@testable import CapdoNet

/// The netlink dump of the kernel's IPv6 neighbour table, read from bytes laid out as the kernel writes them.
@Suite("IPv6 neighbour table (netlink)")
struct NeighbourTableV6Tests {
    /// One RTM_NEWNEIGH message: ndmsg for `index` in `state`, then NDA_DST and NDA_LLADDR (unless nil).
    static func entry(_ address: String, mac: [UInt8]?, index: Int32 = 3, state: UInt16 = 0x02) -> [UInt8] {
        var body: [UInt8] = [UInt8(AF_INET6), 0, 0, 0]
        withUnsafeBytes(of: index) { body += $0 }
        withUnsafeBytes(of: state) { body += $0 }
        body += [0, 0]
        var parsed = in6_addr()
        _ = inet_pton(AF_INET6, address, &parsed)
        body += attribute(1, withUnsafeBytes(of: parsed) { Array($0) })
        if let mac { body += attribute(2, mac) + [0, 0] }
        return message(28, body)
    }

    static func attribute(_ kind: UInt16, _ value: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        withUnsafeBytes(of: UInt16(4 + value.count)) { out += $0 }
        withUnsafeBytes(of: kind) { out += $0 }
        return out + value
    }

    static func message(_ type: UInt16, _ body: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        withUnsafeBytes(of: UInt32(16 + body.count)) { out += $0 }
        withUnsafeBytes(of: type) { out += $0 }
        out += [2, 0, 1, 0, 0, 0, 0, 0, 0, 0]  // flags NLM_F_MULTI, sequence 1, port 0
        return out + body
    }

    @Test func usableEntriesOfTheInterfaceOnly() {
        let mac: [UInt8] = [0x02, 0, 0, 0, 0, 0x0B]
        let dump =
            Self.entry("2001:db8::2", mac: mac) + Self.entry("fe80::1", mac: mac, state: 0x80)
            + Self.entry("2001:db8::3", mac: mac, state: 0x20)  // failed
            + Self.entry("2001:db8::4", mac: mac, index: 4)  // another interface
            + Self.entry("2001:db8::5", mac: nil, state: 0x04)  // no link-layer address
            + Self.entry("2001:db8::6", mac: [0x33, 0x33, 0, 0, 0, 1])  // a group MAC
        let (entries, finished) = NeighbourTableV6.parse(dump, interfaceIndex: 3)
        #expect(!finished)
        #expect(entries == [IPAddress("2001:db8::2")!: 0x0200_0000_000B, IPAddress("fe80::1")!: 0x0200_0000_000B])
        let ended = NeighbourTableV6.parse(dump + Self.message(3, [0, 0, 0, 0]), interfaceIndex: 3)
        #expect(ended.finished && ended.entries.count == 2)
    }

    @Test func everyTruncationAndByteFlipIsSafe() {
        let dump = Self.entry("2001:db8::2", mac: [0x02, 0, 0, 0, 0, 0x0B]) + Self.message(3, [0, 0, 0, 0])
        for length in 0...dump.count { _ = NeighbourTableV6.parse(Array(dump.prefix(length)), interfaceIndex: 3) }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var mutated = dump
            for _ in 0..<3 { mutated[Int.random(in: 0..<mutated.count, using: &generator)] = .random(in: 0...255) }
            let (entries, _) = NeighbourTableV6.parse(mutated, interfaceIndex: 3)
            #expect(entries.values.allSatisfy(NeighbourSolicitation.isUnicast))
        }
    }

    @Test func requestIsADumpOfIPv6Neighbours() {
        let request = NeighbourTableV6.request(sequence: 7)
        #expect(request.count == 28)
        #expect(request.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 4, as: UInt16.self) } == 30)
        #expect(request[16] == UInt8(AF_INET6))
    }
}
