import CapdoCore
import Foundation
import Testing

@testable import CapdoNet

/// The IPv6 pieces of the SYN scan without privileges: SYN and neighbour-solicitation frames against independently
/// built ones, reply matching, hostile neighbour advertisements, the IPv6 route table, IPv6 target prefixes.
@Suite struct SynScanIPv6Tests {
    static let local = IPAddress("2001:db8::1")!
    static let remote = IPAddress("2001:db8::2")!

    /// Built with Python's struct module; `tcpdump -vv` on it prints "cksum 0xdf17 (correct)".
    static let referenceSyn = SynScanTests.hex(
        "02000000000b02000000000a86dd600000000018064020010db800000000000000000000000120010db80000000000000000000000"
            + "02ef3201bb123456780000000060020400df170000020405b4")

    /// Built the same way; `tcpdump -vv` prints "[icmp6 sum ok] … neighbor solicitation, length 32, who has
    /// 2001:db8::2, source link-address option … 02:00:00:00:00:0a".
    static let referenceSolicitation = SynScanTests.hex(
        "3333ff00000202000000000a86dd6000000000203aff20010db8000000000000000000000001ff0200000000000000000001ff000002"
            + "87001c1e0000000020010db8000000000000000000000002010102000000000a")

    @Test func synFrameEqualsAnIndependentlyBuiltOneWithACorrectChecksum() {
        let frame = SynFrame(
            sourceMAC: 0x0200_0000_000A, destinationMAC: 0x0200_0000_000B, source: Self.local,
            destination: Self.remote, sourcePort: 61_234, destinationPort: 443, sequence: 0x1234_5678)
        let bytes = frame.bytes
        #expect(bytes.count == SynFrame.lengthV6)
        #expect(bytes == Self.referenceSyn)
        #expect(bytes[70] == 0xDF && bytes[71] == 0x17, "TCP checksum over the IPv6 pseudo-header")
        #expect(
            PseudoHeaderChecksum.compute(
                source: Self.local, destination: Self.remote, nextHeader: 6, segment: bytes[54...]) == 0)
    }

    @Test func solicitationGoesToTheSolicitedNodeGroupWithOurLinkAddress() {
        let solicitation = NeighbourSolicitation(target: Self.remote, source: Self.local, sourceMAC: 0x0200_0000_000A)
        #expect(solicitation.bytes == Self.referenceSolicitation)
        #expect(solicitation.bytes.count == NeighbourSolicitation.length)
        let other = NeighbourSolicitation(
            target: IPAddress("2001:db8::abcd:1234")!, source: Self.local, sourceMAC: 0x0200_0000_000A)
        #expect(other.group.description == "ff02::1:ffcd:1234")
        #expect(other.groupMAC == 0x3333_FFCD_1234)
        let bytes = other.bytes
        #expect(
            PseudoHeaderChecksum.compute(
                source: Self.local, destination: other.group, nextHeader: 58, segment: bytes[54...])
                == 0)
    }

    static func decode(_ frame: [UInt8], _ body: (DecodedPacket, UnsafeRawBufferPointer) -> Void) {
        let decoder = PacketDecoder(dlt: 1)!
        var packet = DecodedPacket()
        frame.withUnsafeBytes { bytes in
            guard decoder.decode(bytes, into: &packet) == nil else { return }
            body(packet, bytes)
        }
    }

    /// A TCP reply from 2001:db8::2:`port` to 2001:db8::1:`destinationPort`.
    static func reply(port: UInt16, to destinationPort: UInt16, flags: UInt8, ack: UInt32) -> [UInt8] {
        let tcp = SynScanTests.replySegment(port: port, to: destinationPort, flags: flags, ack: ack)
        return Frames.ethernet(Frames.ipv6(2, 1, next: 6, tcp), type: 0x86DD, src: Frames.macB, dst: Frames.macA)
    }

    static func match(_ frame: [UInt8], cookie: SynCookie, local: IPAddress = local) -> SynReply? {
        var out: SynReply?
        decode(frame) { packet, _ in
            out = SynReply.match(packet, local: local, portBase: 61_000, attempts: 2, cookie: cookie)
        }
        return out
    }

    @Test func ipv6RepliesAreRecognisedByTheirAcknowledgementOnly() {
        let cookie = SynCookie(key: 0x0123_4567_89AB_CDEF)
        let seq = cookie.sequence(address: Self.remote, port: 22, sourcePort: 61_000)
        // The whole address is keyed: another prefix with the same interface identifier gets another cookie.
        let elsewhere = IPAddress(high: 0x2001_0DB8_0000_0001, low: 2, isV6: true)
        #expect(seq != cookie.sequence(address: elsewhere, port: 22, sourcePort: 61_000))
        #expect(seq != cookie.sequence(address: .v4(2), port: 22, sourcePort: 61_000))

        let open = Self.match(Self.reply(port: 22, to: 61_000, flags: 0x12, ack: seq &+ 1), cookie: cookie)
        #expect(open == SynReply(address: Self.remote, port: 22, open: true, attempt: 0))
        let seq1 = cookie.sequence(address: Self.remote, port: 25, sourcePort: 61_001)
        let closed = Self.match(Self.reply(port: 25, to: 61_001, flags: 0x14, ack: seq1 &+ 1), cookie: cookie)
        #expect(closed == SynReply(address: Self.remote, port: 25, open: false, attempt: 1))
        // Wrong acknowledgement, another local address, an IPv4 local address for an IPv6 reply.
        #expect(Self.match(Self.reply(port: 22, to: 61_000, flags: 0x12, ack: seq), cookie: cookie) == nil)
        #expect(
            Self.match(
                Self.reply(port: 22, to: 61_000, flags: 0x12, ack: seq &+ 1), cookie: cookie, local: Self.remote)
                == nil)
        #expect(
            Self.match(Self.reply(port: 22, to: 61_000, flags: 0x12, ack: seq &+ 1), cookie: cookie, local: .v4(1))
                == nil)
    }

    /// A neighbour advertisement from 2001:db8::2 for `target` (last byte), with `options` after the fixed part,
    /// sent on the link (hop limit 255) unless `hopLimit` says otherwise.
    static func advertisement(
        type: UInt8 = 136, target: UInt8 = 2, options: [UInt8], source: [UInt8] = Frames.macB, hopLimit: UInt8 = 255,
        vlans: Int = 0
    ) -> [UInt8] {
        let body =
            [type, 0, 0, 0, 0x60, 0, 0, 0] + [0x20, 0x01, 0x0d, 0xb8] + [UInt8](repeating: 0, count: 11) + [target]
            + options
        var packet = Frames.ipv6(2, 1, next: 58, body)
        packet[7] = hopLimit
        return Frames.ethernet(packet, type: 0x86DD, src: source, dst: Frames.macA, vlans: vlans)
    }

    /// The advertisement with a hop-by-hop options header (8 bytes of padding) between the IPv6 header and ICMPv6,
    /// the padding written to look like an on-link IPv6 header's last bytes.
    static func advertisementBehindExtensionHeader() -> [UInt8] {
        let icmp = Array(advertisement(options: [2, 1, 0x6E, 0x38, 0x07, 0x55, 0x1C, 0x63]).dropFirst(14 + 40))
        var packet = Frames.ipv6(2, 1, next: 0, [58, 0, 1, 4, 0x60, 0, 58, 255] + icmp)
        packet[7] = 255
        return Frames.ethernet(packet, type: 0x86DD, src: Frames.macB, dst: Frames.macA)
    }

    static func read(_ frame: [UInt8]) -> (IPAddress, UInt64)? {
        var out: (IPAddress, UInt64)?
        decode(frame) { packet, bytes in out = NeighbourSolicitation.advertisement(in: packet, bytes: bytes) }
        return out
    }

    @Test func advertisementGivesTheTargetAndItsLinkAddress() throws {
        let tlla: [UInt8] = [2, 1, 0x6E, 0x38, 0x07, 0x55, 0x1C, 0x63]
        let answer = try #require(Self.read(Self.advertisement(options: [14, 1, 0, 0, 0, 0, 0, 0] + tlla)))
        #expect(answer.0 == Self.remote && answer.1 == 0x6E38_0755_1C63, "an unknown option before it is skipped")
        // Without the option (allowed for an answer to a unicast solicitation) the frame's source is the address.
        let bare = try #require(Self.read(Self.advertisement(options: [])))
        #expect(bare.1 == 0x0200_0000_000B)
        let tagged = try #require(Self.read(Self.advertisement(options: tlla, vlans: 2)))
        #expect(tagged.1 == 0x6E38_0755_1C63, "the header is found behind VLAN tags")
    }

    @Test(arguments: [
        ("zero-length option", advertisement(options: [2, 0, 1, 2, 3, 4, 5, 6])),
        ("option past the end", advertisement(options: [2, 2, 1, 2, 3, 4, 5, 6])),
        ("group MAC announced", advertisement(options: [2, 1, 0x33, 0x33, 0, 0, 0, 1])),
        ("broadcast MAC announced", advertisement(options: [2, 1, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])),
        ("zero MAC announced", advertisement(options: [2, 1, 0, 0, 0, 0, 0, 0])),
        ("a solicitation, not an advertisement", advertisement(type: 135, options: [])),
        ("no link address at all", advertisement(options: [], source: [0x01, 0, 0x5E, 0, 0, 1])),
        ("routed: hop limit 254", advertisement(options: [2, 1, 0x6E, 0x38, 0x07, 0x55, 0x1C, 0x63], hopLimit: 254)),
        ("routed: hop limit 64", advertisement(options: [], hopLimit: 64)),
        ("behind an extension header", advertisementBehindExtensionHeader()),
        (
            "fixed part cut short",
            Frames.ethernet(
                Frames.ipv6(2, 1, next: 58, [136, 0, 0, 0, 0x60, 0, 0, 0, 0x20, 0x01]), type: 0x86DD, src: Frames.macB,
                dst: Frames.macA)
        ),
    ])
    func hostileAdvertisementIsIgnored(_ name: String, _ frame: [UInt8]) {
        #expect(Self.read(frame) == nil, "\(name)")
    }

    @Test func everyTruncationAndByteFlipOfAnAdvertisementIsSafe() {
        let frame = Self.advertisement(options: [2, 1, 0x6E, 0x38, 0x07, 0x55, 0x1C, 0x63])
        var accepted: [Int: UInt64] = [:]
        for length in 0...frame.count { accepted[length] = Self.read(Array(frame.prefix(length)))?.1 }
        // Whole, it names the option's MAC; cut before the option's length byte, it is a bare advertisement (the
        // sender's MAC); cut inside the option, the option overruns and the message is dropped.
        #expect(accepted == [86: 0x6E38_0755_1C63, 78: 0x0200_0000_000B, 79: 0x0200_0000_000B])
        var generator = SystemRandomNumberGenerator()
        var collector = NeighbourResolver.Collector(decoder: PacketDecoder(dlt: 1))
        for _ in 0..<2000 {
            var mutated = frame
            for _ in 0..<3 { mutated[Int.random(in: 54..<mutated.count, using: &generator)] = .random(in: 0...255) }
            mutated.withUnsafeBytes {
                collector.consume(PacketRecord(seconds: 0, microseconds: 0, length: mutated.count, bytes: $0))
            }
        }
        #expect(collector.answers.allSatisfy { NeighbourSolicitation.isUnicast($0.1) && $0.0.isV6 })
    }

    /// As this machine's /proc/net/ipv6_route prints it, plus a gateway route and a rejecting one.
    static let routeTable = """
        20010db8000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001     eth1
        fe800000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000002 00000000 00000001     eth1
        00000000000000000000000000000000 00 00000000000000000000000000000000 00 fe800000000000000000000000000001 00000400 00000003 00000000 00000003     eth1
        20010db8000000000000000000000002 80 00000000000000000000000000000000 00 00000000000000000000000000000000 00000000 00000004 00000000 80200001     eth1
        ff000000000000000000000000000000 08 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000002 00000000 00000001     eth1
        00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo
        """

    @Test func ipv6RouteLookupTakesTheMostSpecificUsableRoute() throws {
        let entries = ScanRoute.parseV6(Self.routeTable)
        #expect(entries.count == 4, "the local-table address and the unreachable default are left out")
        let direct = try #require(ScanRoute.lookup(IPAddress("2001:db8::7")!, in: entries))
        #expect(direct.interface == "eth1" && direct.gateway == nil && direct.prefix.length == 64)
        let routed = try #require(ScanRoute.lookup(IPAddress("2001:db9::1")!, in: entries))
        #expect(routed.gateway == IPAddress("fe80::1") && routed.prefix.length == 0 && routed.metric == 0x400)
        #expect(ScanRoute.lookup(.v4(0x0A00_0001), in: entries) == nil, "an IPv6 route never holds IPv4")
        #expect(ScanRoute.isLinkLocal(IPAddress("fe80::1")!) && ScanRoute.isLinkLocal(IPAddress("febf::1")!))
        #expect(!ScanRoute.isLinkLocal(IPAddress("fec0::1")!) && !ScanRoute.isLinkLocal(Self.local))
        let addresses = """
            20010db8000000000000000000000001 04 40 00 80     eth1
            fe800000000000000000000000000099 04 40 20 c0     eth1
            fe80000000000000000000000000000a 04 40 20 80     eth1
            00000000000000000000000000000001 01 80 10 80       lo
            """
        #expect(
            ScanRoute.linkLocalAddress(of: "eth1", table: addresses) == IPAddress("fe80::a"), "not the tentative one")
        #expect(ScanRoute.linkLocalAddress(of: "lo", table: addresses) == nil)
    }

    @Test func onlyALinkLocalTargetNeedsASingleInterface() throws {
        // Two default routes (a second uplink with a worse metric) and fe80::/64 on both interfaces.
        let table = """
            00000000000000000000000000000000 00 00000000000000000000000000000000 00 fe800000000000000000000000000001 00000400 00000001 00000000 00000003     eth0
            00000000000000000000000000000000 00 00000000000000000000000000000000 00 fe800000000000000000000000000002 00000800 00000001 00000000 00000003     eth1
            fe800000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001     eth0
            fe800000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001     eth1
            """
        let entries = ScanRoute.parseV6(table)
        let global = try ScanRoute.choose(IPAddress("2001:db8:5::1")!, in: entries)
        #expect(global.interface == "eth0" && global.gateway == IPAddress("fe80::1"), "the lower metric wins")
        do {
            _ = try ScanRoute.choose(IPAddress("fe80::9")!, in: entries)
            Issue.record("a link-local target on two interfaces was given one")
        } catch let error as CapdoError {
            #expect(error.message.contains("eth0, eth1"), "\(error.message)")
            #expect(error.message.contains("--scan-interface"), "the message says how to choose")
        }
        #expect(try ScanRoute.choose(IPAddress("fe80::9")!, in: Array(entries.prefix(3))).interface == "eth0")
        // --scan-interface decides: only that interface's routes count, for link-local and routed targets alike.
        #expect(try ScanRoute.choose(IPAddress("fe80::9")!, in: entries, on: "eth1").interface == "eth1")
        let second = try ScanRoute.choose(IPAddress("2001:db8:5::1")!, in: entries, on: "eth1")
        #expect(second.interface == "eth1" && second.gateway == IPAddress("fe80::2"))
        do {
            _ = try ScanRoute.choose(IPAddress("fe80::9")!, in: entries, on: "eth7")
            Issue.record("an interface without a route was used")
        } catch let error as CapdoError {
            #expect(error.message.contains("through eth7"), "\(error.message)")
        }
        #expect(throws: CapdoError.self) { try ScanRoute.choose(.v4(0x0A00_0001), in: entries) }
    }

    @Test func prefixesMaskBothFamilies() {
        #expect(AddressPrefix.masked(IPAddress("2001:db8::1:ff")!, 120) == IPAddress("2001:db8::1:0"))
        #expect(AddressPrefix.masked(IPAddress("2001:db8:1:2:3::")!, 48) == IPAddress("2001:db8:1::"))
        #expect(AddressPrefix.masked(IPAddress("2001:db8::1")!, 0) == IPAddress("::"))
        #expect(AddressPrefix.masked(.v4(0xC000_02FF), 24) == .v4(0xC000_0200))
        #expect(AddressPrefix(network: IPAddress("fe80::")!, length: 10).contains(IPAddress("febf::1")!))
        #expect(!AddressPrefix(network: .v4(0), length: 0).contains(Self.local))
    }

    @Test func ipv6PrefixTargetsUpToTheLimit() throws {
        let spec = try TargetSpec("2001:db8::1:0/120,2001:db8::9", authorised: true)
        #expect(try TargetSpec("2001:db8::1:0/120", authorised: false).count == 256, "a /120 needs no consent")
        #expect(spec.count == 257)
        #expect(spec.addressStrings.first == "2001:db8::1:0" && spec.addressStrings[255] == "2001:db8::1:ff")
        #expect(spec.addressStrings.last == "2001:db8::9")
        #expect(try TargetSpec("2001:db8::5/128", authorised: false).addressStrings == ["2001:db8::5"])
        do {
            _ = try TargetSpec("2001:db8::/64", authorised: true)
            Issue.record("a /64 was accepted")
        } catch let error as CapdoError {
            #expect(error.code == .usage)
            #expect(error.message.contains("/120") && error.message.contains("256 addresses"), "\(error.message)")
        }
        #expect(throws: CapdoError.self) { try TargetSpec("2001:db8::/129", authorised: true) }
        #expect(throws: CapdoError.self) { try TargetSpec("2001:db8::/x", authorised: true) }
    }
}
