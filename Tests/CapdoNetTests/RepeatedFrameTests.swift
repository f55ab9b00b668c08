import CapdoCore
import Testing

/// The shortcuts for frames seen before (the VLAN observer's recent senders, the LLDP/CDP frame memo) give the counts
/// a plain reading gives, also when the distinct senders and frames outnumber what the shortcuts remember.
@Suite struct RepeatedFrameTests {
    /// An 802.1Q-tagged UDP frame from the `source`th address of 10.0.0.0/16 (last byte 1 to 250, never a broadcast)
    /// with MAC 02:00:00:00:hh:ll.
    static func tagged(vlan: Int, source: Int, mac: Int) -> [UInt8] {
        let ip = Frames.ipv4(
            "10.0.\(source / 250).\(source % 250 + 1)", "192.0.2.1", proto: 17, Frames.udp(4000, 9, payload: []))
        let src: [UInt8] = [0x02, 0, 0, 0, UInt8(mac >> 8), UInt8(mac & 0xFF)]
        return Frames.macB + src + [0x81, 0x00] + Frames.be16(vlan) + [0x08, 0x00] + ip
    }

    /// 3,000 senders (more than the 1,024 recent-sender slots) in five VLANs, each heard three times in rounds, some
    /// sharing a MAC or an address: every VLAN's host and MAC counts are the distinct ones sent.
    @Test func vlanMembersAreCountedExactlyPastTheRecentSenders() throws {
        var frames: [[UInt8]] = []
        var expected: [Int: (packets: Int, hosts: Set<Int>, macs: Set<Int>)] = [:]
        for round in 0..<3 {
            for sender in 0..<3_000 {
                let vlan = 10 + (sender + round) % 5
                let source = sender % 2_500 + 1
                let mac = sender % 2_800 + 1
                frames.append(Self.tagged(vlan: vlan, source: source, mac: mac))
                expected[vlan, default: (0, [], [])].packets += 1
                expected[vlan]!.hosts.insert(source)
                expected[vlan]!.macs.insert(mac)
            }
        }
        let facts = try CaptureFixture.facts(frames)
        let vlans = try #require(facts.vlans)
        #expect(vlans.map(\.id) == expected.keys.sorted().map(String.init))
        for vlan in vlans {
            let want = try #require(expected[Int(vlan.id)!])
            #expect(vlan.packets == want.packets && vlan.hosts == want.hosts.count && vlan.macs == want.macs.count)
        }
    }

    /// 300 distinct LLDP neighbours (more than the 256 frames the memo keeps and the 256 neighbours listed), each
    /// announced twice, and a frame without chassis or port id twice: the first 256 are listed with two frames
    /// each, the rest counted over the limit, the unreadable ones counted as such.
    @Test func lldpRepeatsCountAsAPlainReadingWould() throws {
        func pdu(_ number: Int) -> [UInt8] {
            LinkLayerTests.tlv(1, [7] + Array("chassis-\(number)".utf8))
                + LinkLayerTests.tlv(2, [5] + Array("port-\(number)".utf8)) + LinkLayerTests.tlv(3, [0, 120])
                + LinkLayerTests.tlv(0, [])
        }
        let unreadable = LinkLayerTests.tlv(3, [0, 120]) + LinkLayerTests.tlv(0, [])
        var frames: [[UInt8]] = []
        for _ in 0..<2 {
            for number in 0..<300 { frames.append(pdu(number)) }
            frames.append(unreadable)
        }
        let facts = try CaptureFixture.facts(
            frames.map { Frames.ethernet($0, type: 0x88CC, dst: LinkLayerTests.lldpMAC) })
        let neighbours = try #require(facts.neighbours)
        #expect(neighbours.count == 256)
        #expect(neighbours.map(\.chassisId) == (0..<256).map { "chassis-\($0)" })
        #expect(neighbours.allSatisfy { $0.packets == 2 })
        #expect(facts.counters.skipped["neighbours_over_limit"] == 88)
        #expect(facts.counters.skipped["unreadable_neighbour_frames"] == 2)
    }
}
