import CapdoCore
import Foundation
import Testing

/// VLAN tags, LLDP, CDP, spanning tree, other LLC/SNAP frames and IPv6 router advertisements, from hand-built
/// frames for the edge cases (the namespace test in CapdoCLITests checks real lldpd, bridge and kernel frames).
@Suite struct LinkLayerTests {
    static let lldpMAC: [UInt8] = [0x01, 0x80, 0xC2, 0, 0, 0x0E]
    static let stpMAC: [UInt8] = [0x01, 0x80, 0xC2, 0, 0, 0]

    static func tlv(_ type: Int, _ value: [UInt8]) -> [UInt8] { Frames.be16(type << 9 | value.count) + value }

    /// Chassis id (MAC), port id (name), TTL, port description, system name, management address, port VLAN, end.
    static let lldpPDU: [UInt8] =
        tlv(1, [4, 0x02, 0, 0, 0, 0, 0x51]) + tlv(2, [5] + Array("Gi0/12".utf8)) + tlv(3, [0, 120])
        + tlv(4, Array("phong 2, o 12".utf8)) + tlv(5, Array("sw-phuong-1".utf8))
        + tlv(8, [5, 1, 192, 0, 2, 251, 2, 0, 0, 0, 1, 0]) + tlv(127, [0x00, 0x80, 0xC2, 1, 0, 20]) + tlv(0, [])

    static func llc(_ llc: [UInt8], dst: [UInt8]) -> [UInt8] {
        dst + Frames.macA + Frames.be16(llc.count) + llc
    }

    /// A configuration BPDU naming `root` (priority, last MAC byte) sent by bridge `bridge`.
    static func bpdu(root: Int, rootMAC: UInt8, bridge: UInt8, version: UInt8 = 0) -> [UInt8] {
        let rootId = Frames.be16(root) + [0x02, 0, 0, 0, 0, rootMAC]
        let bridgeId = Frames.be16(root) + [0x02, 0, 0, 0, 0, bridge]
        return [0, 0, version, version == 2 ? 2 : 0, 0] + rootId + [0, 0, 0, 4] + bridgeId + [0x80, 1]
            + [0, 0, 0x14, 0, 0x02, 0, 0x0F, 0]
    }

    static let cdpPDU: [UInt8] = {
        func cdpTLV(_ type: Int, _ value: [UInt8]) -> [UInt8] {
            Frames.be16(type) + Frames.be16(value.count + 4) + value
        }
        let address: [UInt8] = [0, 0, 0, 1, 1, 1, 0xCC] + Frames.be16(4) + [192, 0, 2, 252]
        return [2, 180, 0, 0] + cdpTLV(1, Array("core-sw".utf8)) + cdpTLV(2, address)
            + cdpTLV(3, Array("FastEthernet0/3".utf8)) + cdpTLV(0x0A, [0, 30])
    }()

    static let cdpFrame = llc(
        [0xAA, 0xAA, 0x03, 0x00, 0x00, 0x0C, 0x20, 0x00] + cdpPDU, dst: [0x01, 0x00, 0x0C, 0xCC, 0xCC, 0xCC])

    @Test func lldpNeighbourIsReadWithEveryField() throws {
        let facts = try CaptureFixture.facts([
            Frames.ethernet(Self.lldpPDU, type: 0x88CC, dst: Self.lldpMAC),
            Frames.ethernet(Self.lldpPDU, type: 0x88CC, dst: Self.lldpMAC),
        ])
        let neighbour = try #require(facts.neighbours?.first)
        #expect(facts.neighbours?.count == 1)
        #expect(
            neighbour.protocol == "lldp" && neighbour.chassisId == "02:00:00:00:00:51" && neighbour.portId == "Gi0/12")
        #expect(neighbour.systemName == "sw-phuong-1" && neighbour.portDescription == "phong 2, o 12")
        #expect(neighbour.managementAddresses == ["192.0.2.251"] && neighbour.vlan == 20)
        #expect(neighbour.mac == "02:00:00:00:00:0a" && neighbour.packets == 2 && neighbour.firstPacket == 1)
        #expect(facts.linkFrames == ["lldp": 2])
        #expect(facts.counters.skipped.isEmpty && facts.counters.decoded == 2)
    }

    @Test func cdpNeighbourFromItsSnapFrame() throws {
        let facts = try CaptureFixture.facts([Self.cdpFrame])
        let neighbour = try #require(facts.neighbours?.first)
        #expect(neighbour.protocol == "cdp" && neighbour.chassisId == "core-sw" && neighbour.systemName == "core-sw")
        #expect(neighbour.portId == "FastEthernet0/3" && neighbour.vlan == 30)
        #expect(neighbour.managementAddresses == ["192.0.2.252"])
        #expect(facts.linkFrames == ["cdp": 1])
    }

    /// Every cut of the LLDP and CDP frames (the 802.3 length of CDP kept as written): no crash, no field read past
    /// the end, and what is read is a prefix of the whole.
    @Test func everyTruncationOfLldpAndCdpIsSafe() throws {
        let lldp = Frames.ethernet(Self.lldpPDU, type: 0x88CC, dst: Self.lldpMAC)
        let frames =
            (0..<lldp.count).map { Array(lldp.prefix($0)) }
            + (0..<Self.cdpFrame.count).map {
                Array(Self.cdpFrame.prefix($0))
            }
        let facts = try CaptureFixture.facts(frames)
        #expect(facts.counters.packets == frames.count)
        for neighbour in facts.neighbours ?? [] {
            #expect(["02:00:00:00:00:51", "core-sw"].contains(neighbour.chassisId ?? "02:00:00:00:00:51"))
            #expect(neighbour.systemName.map { "sw-phuong-1".hasPrefix($0) || $0 == "core-sw" } ?? true)
        }
    }

    @Test func twoRootsForOneVlanAreContestedButPerVlanRootsAreNot() throws {
        let stp = { (root: Int, mac: UInt8, bridge: UInt8) in
            Self.llc([0x42, 0x42, 0x03] + Self.bpdu(root: root, rootMAC: mac, bridge: bridge), dst: Self.stpMAC)
        }
        let pvst = { (root: Int, mac: UInt8) in
            Self.llc(
                [0xAA, 0xAA, 0x03, 0x00, 0x00, 0x0C, 0x01, 0x0B] + Self.bpdu(root: root, rootMAC: mac, bridge: mac),
                dst: [0x01, 0x00, 0x0C, 0xCC, 0xCC, 0xCD])
        }
        let facts = try CaptureFixture.facts([
            stp(0x1000, 1, 1), stp(0x1000, 1, 2), stp(0x0000, 0x66, 0x66), pvst(0x8000 + 10, 7), pvst(0x8000 + 20, 8),
        ])
        let roots = try #require(facts.spanningTreeRoots)
        #expect(
            roots.map(\.root) == [
                "0/02:00:00:00:00:66", "4096/02:00:00:00:00:01", "32778/02:00:00:00:00:07", "32788/02:00:00:00:00:08",
            ])
        #expect(roots.map(\.contested) == [true, true, false, false])
        #expect(roots[1].bridges == ["4096/02:00:00:00:00:01", "4096/02:00:00:00:00:02"] && roots[1].packets == 2)
        #expect(roots[2].priority == 32768 && roots[2].vlan == 10 && roots[2].version == "stp")
        #expect(facts.linkFrames == ["stp": 3, "pvst": 2])
    }

    @Test func qinqAndDot1qTagsGiveVlansWithTheirHostsAndServices() throws {
        let handshake = Frames.handshake(client: "192.0.2.30", server: "192.0.2.20", port: 22)
        let tagged = { (frame: [UInt8], tags: Int) -> [UInt8] in
            Frames.ethernet(Array(frame[14...]), type: 0x0800, src: Array(frame[6..<12]), vlans: tags)
        }
        let facts = try CaptureFixture.facts(
            handshake.map { tagged($0, 2) } + [tagged(handshake[0], 1)] + [
                Self.llc([0xE0, 0xE0, 0x03, 1, 2, 3], dst: Frames.macB),
                Self.llc([0xAA, 0xAA, 0x03, 0x00, 0x00, 0x0C, 0x20, 0x04, 1], dst: Frames.macB),
                Frames.ethernet([1, 2, 3], type: 0x9000),
            ])
        let vlans = try #require(facts.vlans)
        #expect(vlans.map(\.id) == ["100", "100.101"])
        #expect(vlans.map(\.tag) == ["802.1q", "802.1ad"])
        #expect(vlans[1].packets == handshake.count && vlans[1].hosts == 2 && vlans[1].services == 1)
        #expect(vlans[0].packets == 1 && vlans[0].hosts == 1 && vlans[0].services == 0)
        #expect(facts.services.map(\.port) == [22])
        #expect(facts.linkFrames == ["ipx": 1, "dtp": 1])
        #expect(facts.counters.skipped == ["unsupported_ethertype": 1])
    }

    @Test func routerAdvertisementWithPrefixLifetimeAndFlags() throws {
        // Type 134, hop limit 64, M and O flags, lifetime 1800 s, then a source link-layer option and a /64 prefix.
        let prefix: [UInt8] =
            [3, 4, 64, 0xC0] + [0, 0, 0x0E, 0x10] + [0, 0, 0x07, 0x08] + [0, 0, 0, 0]
            + [0x20, 0x01, 0x0d, 0xb8, 0, 0x66] + [UInt8](repeating: 0, count: 10)
        let message: [UInt8] =
            [134, 0, 0, 0, 64, 0xC0] + Frames.be16(1800) + [UInt8](repeating: 0, count: 8)
            + [1, 1] + Frames.macA + prefix
        let facts = try CaptureFixture.facts([Frames.ethernet(Frames.ipv6(0x66, 1, next: 58, message), type: 0x86DD)])
        let router = try #require(facts.routerAdvertisements?.first)
        #expect(router.ip == "2001:db8::66" && router.mac == "02:00:00:00:00:0a")
        #expect(router.prefixes == ["2001:db8:66::/64"] && router.routerLifetime == 1800)
        #expect(router.managed && router.otherConfiguration && router.advertisements == 1 && router.packets == [1])
    }
}
