import CapdoCore
import CapdoNet
import Foundation
import Testing

/// Link layers, VLANs, IPv6 extension headers and fragments, through libpcap-written captures.
@Suite struct DecoderTests {
    static let syn = Frames.ipv4("192.0.2.1", "192.0.2.2", proto: 6, Frames.tcp(40000, 22, flags: 0x02))
    static let synAck = Frames.ipv4("192.0.2.2", "192.0.2.1", proto: 6, Frames.tcp(22, 40000, flags: 0x12))

    static func sll(_ ip: [UInt8]) -> [UInt8] { [0, 0, 0, 1, 0, 6] + Frames.macA + [0, 0] + [0x08, 0x00] + ip }
    static func sll2(_ ip: [UInt8]) -> [UInt8] {
        [0x08, 0x00, 0, 0, 0, 0, 0, 2, 0, 1, 0, 6] + Frames.macA + [0, 0] + ip
    }
    static func null(_ ip: [UInt8]) -> [UInt8] { [2, 0, 0, 0] + ip }

    @Test(arguments: [
        ("ethernet", Int32(1), [Frames.ethernet(syn), Frames.ethernet(synAck)]),
        ("802.1Q", Int32(1), [Frames.ethernet(syn, vlans: 1), Frames.ethernet(synAck, vlans: 1)]),
        ("QinQ", Int32(1), [Frames.ethernet(syn, vlans: 2), Frames.ethernet(synAck, vlans: 2)]),
        ("linux SLL", Int32(113), [sll(syn), sll(synAck)]),
        ("linux SLL2", Int32(276), [sll2(syn), sll2(synAck)]),
        ("BSD null", Int32(0), [null(syn), null(synAck)]),
        ("raw IP", Int32(12), [syn, synAck]),
    ])
    func handshakeBecomesServiceOnEveryLink(_ name: String, _ linkType: Int32, _ frames: [[UInt8]]) throws {
        let facts = try CaptureFixture.facts(frames, linkType: linkType)
        #expect(facts.services.map { "\($0.ip):\($0.port)/\($0.protocol)" } == ["192.0.2.2:22/tcp"], "\(name)")
        #expect(facts.services.first?.packets == [1, 2])
        #expect(facts.counters.decoded == 2 && facts.counters.malformed == 0)
        #expect(Set(facts.hosts.map(\.ip)) == ["192.0.2.1", "192.0.2.2"])
    }

    @Test func ipv6ExtensionHeadersAreWalked() throws {
        // Hop-by-hop (8 bytes) then destination options (8 bytes) then TCP.
        let hop: [UInt8] = [60, 0, 1, 4, 0, 0, 0, 0]
        let dest: [UInt8] = [6, 0, 1, 4, 0, 0, 0, 0]
        let syn = Frames.ipv6(1, 2, next: 0, hop + dest + Frames.tcp(40001, 443, flags: 0x02))
        let synAck = Frames.ipv6(2, 1, next: 6, Frames.tcp(443, 40001, flags: 0x12))
        let facts = try CaptureFixture.facts([
            Frames.ethernet(syn, type: 0x86DD), Frames.ethernet(synAck, type: 0x86DD),
        ])
        #expect(facts.services.map { "\($0.ip):\($0.port)" } == ["2001:db8::2:443"])
    }

    @Test func fragmentsAreCountedAndLaterFragmentsNotDecodedAsTransport() throws {
        let first = Frames.ethernet(
            Frames.ipv4(
                "192.0.2.1", "192.0.2.2", proto: 17, Frames.udp(1000, 2000, payload: [1, 2, 3]), fragment: 0x2000))
        let later = Frames.ethernet(
            Frames.ipv4("192.0.2.1", "192.0.2.2", proto: 17, [0x00, 0x35, 0x00, 0x35, 0, 0, 0, 0], fragment: 0x0001))
        let facts = try CaptureFixture.facts([first, later])
        #expect(facts.counters.ipv4Fragments == 2)
        #expect(facts.protocolsSeen.isEmpty)
    }

    @Test func ethernetPaddingDoesNotBecomePayload() throws {
        let syn = Frames.ethernet(Self.syn) + [UInt8](repeating: 0xEE, count: 6)
        let facts = try CaptureFixture.facts([syn, Frames.ethernet(Self.synAck)])
        #expect(facts.services.count == 1 && facts.counters.malformed == 0)
    }
}
