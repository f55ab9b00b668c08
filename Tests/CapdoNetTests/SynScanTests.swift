import Foundation
import Testing

@testable import CapdoNet

/// SYN scan pieces without privileges: frame bytes and checksums, reply matching, route and neighbour tables.
@Suite struct SynScanTests {
    static func hex(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            out.append(UInt8(text[index..<next], radix: 16)!)
            index = next
        }
        return out
    }

    /// Built independently with Python's struct module; `tcpdump -vv` on it prints "cksum 0xb688 (correct)" and the
    /// IPv4 header checksum 0x9a82 verifies.
    static let referenceSyn = hex(
        "02000000000b02000000000a08004500002c1c46400040069a82c0000201c0000202ef3201bb123456780000000060020400b688"
            + "0000020405b4")

    static let reference = SynFrame(
        sourceMAC: 0x0200_0000_000A, destinationMAC: 0x0200_0000_000B, source: .v4(0xC000_0201),
        destination: .v4(0xC000_0202),
        sourcePort: 61_234, destinationPort: 443, sequence: 0x1234_5678, identification: 0x1C46)

    @Test func synFrameEqualsAnIndependentlyBuiltOneWithCorrectChecksums() {
        let bytes = Self.reference.bytes
        #expect(bytes.count == SynFrame.length)
        #expect(bytes == Self.referenceSyn)
        #expect(bytes[24] == 0x9A && bytes[25] == 0x82, "IPv4 header checksum")
        #expect(bytes[50] == 0xB6 && bytes[51] == 0x88, "TCP checksum")
        // Summing a header with its checksum in place gives zero (RFC 1071 verification).
        #expect(InternetChecksum.ipv4Header(bytes[14..<34]) == 0)
        #expect(InternetChecksum.tcp(source: 0xC000_0201, destination: 0xC000_0202, segment: bytes[34...]) == 0)
        #expect(
            PseudoHeaderChecksum.compute(
                source: .v4(0xC000_0201), destination: .v4(0xC000_0202), nextHeader: 6, segment: bytes[34...]) == 0)
    }

    @Test func ipv4HeaderChecksumMatchesTheTextbookExample() {
        // RFC 1071-style worked example (Wikipedia, "IPv4 header checksum"): the checksum is 0xb861.
        var header = Self.hex("450000730000400040110000c0a80001c0a800c7")
        #expect(InternetChecksum.ipv4Header(header[...]) == 0xB861)
        header[10] = 0xB8
        header[11] = 0x61
        #expect(InternetChecksum.ipv4Header(header[...]) == 0)
        // An odd length pads with a zero byte.
        #expect(InternetChecksum.finish(InternetChecksum.add([0x01][...])) == 0xFEFF)
    }

    /// A TCP segment from `port` to `destinationPort` with `flags` acknowledging `ack`, no options, no checksum.
    static func replySegment(port: UInt16, to destinationPort: UInt16, flags: UInt8, ack: UInt32) -> [UInt8] {
        var tcp: [UInt8] = []
        SynFrame.append16(port, to: &tcp)
        SynFrame.append16(destinationPort, to: &tcp)
        SynFrame.append32(0xAABB_CCDD, to: &tcp)
        SynFrame.append32(ack, to: &tcp)
        return tcp + [0x50, flags, 0xFF, 0xFF, 0, 0, 0, 0]
    }

    /// A reply from 192.0.2.2:`port` to 192.0.2.1:`destinationPort` as it comes off the wire.
    static func reply(port: UInt16, to destinationPort: UInt16, flags: UInt8, ack: UInt32) -> [UInt8] {
        let tcp = replySegment(port: port, to: destinationPort, flags: flags, ack: ack)
        return Frames.ethernet(Frames.ipv4("192.0.2.2", "192.0.2.1", proto: 6, tcp), src: Frames.macB, dst: Frames.macA)
    }

    static func match(_ frame: [UInt8], cookie: SynCookie, local: IPAddress = .v4(0xC000_0201)) -> SynReply? {
        let decoder = PacketDecoder(dlt: 1)!
        var packet = DecodedPacket()
        return frame.withUnsafeBytes { bytes -> SynReply? in
            guard decoder.decode(bytes, into: &packet) == nil else { return nil }
            return SynReply.match(packet, local: local, portBase: 61_000, attempts: 2, cookie: cookie)
        }
    }

    @Test func repliesAreRecognisedByTheirAcknowledgementOnly() {
        let cookie = SynCookie(key: 0x0123_4567_89AB_CDEF)
        let target = IPAddress.v4(0xC000_0202)
        let seq0 = cookie.sequence(address: target, port: 22, sourcePort: 61_000)
        let seq1 = cookie.sequence(address: target, port: 22, sourcePort: 61_001)
        #expect(seq0 != seq1)
        #expect(seq0 == SynCookie(key: 0x0123_4567_89AB_CDEF).sequence(address: target, port: 22, sourcePort: 61_000))
        #expect(seq0 != SynCookie(key: 1).sequence(address: target, port: 22, sourcePort: 61_000))

        let open = Self.match(Self.reply(port: 22, to: 61_000, flags: 0x12, ack: seq0 &+ 1), cookie: cookie)
        #expect(open == SynReply(address: target, port: 22, open: true, attempt: 0))
        let closed = Self.match(Self.reply(port: 22, to: 61_001, flags: 0x14, ack: seq1 &+ 1), cookie: cookie)
        #expect(closed == SynReply(address: target, port: 22, open: false, attempt: 1))

        // Wrong acknowledgement, other scan's key, port outside our range, RST without ACK, bare ACK, other host.
        #expect(Self.match(Self.reply(port: 22, to: 61_000, flags: 0x12, ack: seq0), cookie: cookie) == nil)
        #expect(
            Self.match(Self.reply(port: 22, to: 61_000, flags: 0x12, ack: seq0 &+ 1), cookie: SynCookie(key: 2)) == nil)
        #expect(Self.match(Self.reply(port: 22, to: 61_002, flags: 0x12, ack: seq0 &+ 1), cookie: cookie) == nil)
        #expect(Self.match(Self.reply(port: 22, to: 61_000, flags: 0x04, ack: seq0 &+ 1), cookie: cookie) == nil)
        #expect(Self.match(Self.reply(port: 22, to: 61_000, flags: 0x10, ack: seq0 &+ 1), cookie: cookie) == nil)
        #expect(
            Self.match(Self.reply(port: 22, to: 61_000, flags: 0x12, ack: seq0 &+ 1), cookie: cookie, local: .v4(1))
                == nil)
        // A reply for port 23 carrying port 22's cookie is not port 23's answer.
        #expect(Self.match(Self.reply(port: 23, to: 61_000, flags: 0x12, ack: seq0 &+ 1), cookie: cookie) == nil)
    }

    @Test func arpRequestFrame() {
        let frame = NeighbourResolver.arpRequest(for: 0xC000_0202, from: 0xC000_0201, mac: 0x0200_0000_000A)
        #expect(
            frame
                == Self.hex(
                    "ffffffffffff02000000000a08060001080006040001" + "02000000000ac0000201" + "000000000000c0000202"))
    }

    @Test func routeLookupTakesTheMostSpecificRoute() throws {
        let table = """
            Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
            eth0\t00000000\t0102000A\t0003\t0\t0\t100\t00000000\t0\t0\t0
            eth0\t0002000A\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0
            eth1\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
            eth2\t006433C6\t00000000\t0000\t0\t0\t0\t00FFFFFF\t0\t0\t0
            """
        let entries = ScanRoute.parse(table)
        #expect(entries.count == 3, "a route that is not up (flags 0) is ignored")
        #expect(ScanRoute.lookup(.v4(0xC000_0207), in: entries)?.interface == "eth1")
        let direct = try #require(ScanRoute.lookup(.v4(0x0A00_0205), in: entries))
        #expect(direct.interface == "eth0" && direct.gateway == nil && direct.prefix.length == 24)
        let routed = try #require(ScanRoute.lookup(.v4(0x0808_0808), in: entries))
        #expect(routed.gateway == .v4(0x0A00_0201) && routed.prefix.length == 0)
        #expect(ScanRoute.lookup(.v4(0xC633_6401), in: entries)?.interface == "eth0")
        #expect(ScanRoute.lookup(IPAddress("2001:db8::1")!, in: entries) == nil, "an IPv4 route never holds IPv6")
    }

    @Test func neighbourTableKeepsCompleteEntriesOfTheInterface() {
        let table = """
            IP address       HW type     Flags       HW address            Mask     Device
            192.0.2.2        0x1         0x2         6e:38:07:55:1c:63     *        eth1
            192.0.2.3        0x1         0x0         00:00:00:00:00:00     *        eth1
            10.0.2.1         0x1         0x2         52:54:00:12:35:02     *        eth0
            """
        #expect(NeighbourTable.parse(table, interface: "eth1") == [0xC000_0202: 0x6E38_0755_1C63])
        #expect(NeighbourTable.parseMAC("52:54:00:12:35:0") == 0x5254_0012_3500)
        #expect(NeighbourTable.parseMAC("52:54:00:12:35") == nil)
    }

    @Test func rawAccessReadsCapNetRawFromTheEffectiveSet() {
        #expect(RawPacketAccess.hasNetRaw(procStatus: "Name:\tcapdo\nCapEff:\t0000000000002000\n"))
        #expect(!RawPacketAccess.hasNetRaw(procStatus: "CapEff:\t0000000000001000\n"))
        #expect(RawPacketAccess.hasNetRaw(procStatus: "CapEff:\t000001ffffffffff\n"))
        #expect(!RawPacketAccess.hasNetRaw(procStatus: "CapPrm:\t0000000000002000\n"))
    }
}
