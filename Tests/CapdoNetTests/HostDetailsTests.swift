import CapdoCore
import Foundation
import Testing

/// DHCP replies in detail, host names (mDNS, LLMNR, NBNS, DHCP option 12), every MAC seen.
@Suite struct HostDetailsTests {
    static func name(_ text: String) -> [UInt8] {
        text.split(separator: ".").flatMap { [UInt8($0.utf8.count)] + Array($0.utf8) } + [0]
    }

    static func bootp(op: UInt8, mac: [UInt8], yiaddr: String = "0.0.0.0", options: [UInt8]) -> [UInt8] {
        var bootp = [UInt8](repeating: 0, count: 236)
        bootp[0] = op
        bootp[1] = 1
        bootp[2] = 6
        bootp.replaceSubrange(16..<20, with: Frames.ip(yiaddr))
        bootp.replaceSubrange(28..<34, with: mac)
        return bootp + [0x63, 0x82, 0x53, 0x63] + options + [255]
    }

    @Test func dhcpRepliesCarryWhatWasHandedOut() throws {
        let client: [UInt8] = [0x3C, 0x52, 0x82, 0, 0, 7]
        let options: [UInt8] =
            [53, 1, 2, 54, 4] + Frames.ip("192.0.2.66") + [1, 4, 255, 255, 255, 0, 3, 4] + Frames.ip("192.0.2.66")
            + [6, 8] + Frames.ip("192.0.2.66") + Frames.ip("198.51.100.53") + [51, 4, 0, 0, 2, 0x58]
        let offer = Frames.ethernet(
            Frames.ipv4(
                "192.0.2.66", "255.255.255.255", proto: 17,
                Frames.udp(67, 68, payload: Self.bootp(op: 2, mac: client, yiaddr: "192.0.2.209", options: options))))
        let facts = try CaptureFixture.facts([offer])
        let server = try #require(facts.dhcpServers.first)
        #expect(server.ip == "192.0.2.66" && server.offers == 1)
        #expect(
            server.replies == [
                LanDhcpReply(
                    type: "offer", packet: 1, clientMAC: "3c:52:82:00:00:07", address: "192.0.2.209",
                    routers: ["192.0.2.66"], dnsServers: ["192.0.2.66", "198.51.100.53"], leaseSeconds: 600,
                    subnetMask: "255.255.255.0")
            ])
    }

    @Test func everyTruncationOfADhcpReplyIsSafe() throws {
        let options: [UInt8] =
            [53, 1, 5, 3, 8] + Frames.ip("192.0.2.1") + Frames.ip("192.0.2.2") + [51, 4, 0, 0, 1, 0]
        let payload = Self.bootp(op: 2, mac: [0, 0x1B, 0x21, 0, 0, 1], options: options)
        for length in 0...payload.count {
            let frame = Frames.ethernet(
                Frames.ipv4(
                    "192.0.2.1", "255.255.255.255", proto: 17,
                    Frames.udp(67, 68, payload: Array(payload.prefix(length)))))
            let facts = try CaptureFixture.facts([frame])
            #expect(facts.dhcpServers.count <= 1)
        }
    }

    @Test func namesAreAttachedToTheirHosts() throws {
        let address = Frames.ip("192.0.2.2")
        let mdns: [UInt8] =
            [0, 0, 0x84, 0, 0, 0, 0, 1, 0, 0, 0, 0] + Self.name("ward-printer.local") + [
                0, 1, 0x80, 1, 0, 0, 0, 120, 0, 4,
            ]
            + address
        let question = Self.name("fileserver")
        let llmnr: [UInt8] =
            [0x12, 0x34, 0x80, 0, 0, 1, 0, 1, 0, 0, 0, 0] + question + [
                0, 1, 0, 1, 0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0, 30, 0, 4,
            ]
            + address
        let netbios = Array("WARD-NAS       ".utf8) + [0x20]
        let encoded: [UInt8] = [32] + netbios.flatMap { [0x41 + ($0 >> 4), 0x41 + ($0 & 15)] } + [0]
        let header: [UInt8] = [0x43, 0x21, 0x85, 0, 0, 0, 0, 1, 0, 0, 0, 0]
        let record: [UInt8] = [0, 0x20, 0, 1, 0, 4, 0x93, 0xE0, 0, 6, 0, 0]
        let nbns = header + encoded + record + address
        let dhcp = Self.bootp(
            op: 1, mac: [0x3C, 0x52, 0x82, 0, 0, 7],
            options: [53, 1, 1, 12, 10] + Array("ward-pc-07".utf8))
        let udp = { (port: Int, payload: [UInt8]) in
            Frames.ethernet(Frames.ipv4("192.0.2.2", "192.0.2.10", proto: 17, Frames.udp(port, port, payload: payload)))
        }
        let facts = try CaptureFixture.facts([
            udp(5353, mdns), udp(5355, llmnr), udp(137, nbns),
            Frames.ethernet(
                Frames.ipv4("0.0.0.0", "255.255.255.255", proto: 17, Frames.udp(68, 67, payload: dhcp)),
                src: [0x3C, 0x52, 0x82, 0, 0, 7]),
        ])
        let host = try #require(facts.hosts.first { $0.ip == "192.0.2.2" })
        #expect(
            host.names == [
                LanHostName(name: "ward-printer.local", source: "mdns", packet: 1),
                LanHostName(name: "fileserver", source: "llmnr", packet: 2),
                LanHostName(name: "WARD-NAS", source: "nbns", packet: 3),
            ])
        let client = try #require(facts.macOnly?.first)
        #expect(client.mac == "3c:52:82:00:00:07" && client.seenIn == ["ethernet", "dhcp"])
        #expect(client.names == [LanHostName(name: "ward-pc-07", source: "dhcp", packet: 4)])
    }

    @Test func aCompressionLoopEndsTheName() throws {
        let loop: [UInt8] = [
            0, 0, 0x84, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0, 1, 0, 4, 192, 0, 2, 2,
        ]
        let facts = try CaptureFixture.facts([
            Frames.ethernet(Frames.ipv4("192.0.2.2", "192.0.2.10", proto: 17, Frames.udp(5353, 5353, payload: loop)))
        ])
        #expect(facts.hosts.first?.names == nil)
    }

    @Test func aSpoofingMACIsListedWithTheAddressItClaimed() throws {
        let real: [UInt8] = [0, 0x16, 0x3E, 0, 0, 2], spoofer: [UInt8] = [0, 0x0C, 0x29, 0, 0, 0x66]
        let facts = try CaptureFixture.facts([
            Frames.arp(op: 2, senderMAC: real, senderIP: "192.0.2.2", targetIP: "192.0.2.10"),
            Frames.arp(op: 2, senderMAC: spoofer, senderIP: "192.0.2.2", targetIP: "192.0.2.10"),
            Frames.ethernet(
                [0x42, 0x42, 0x03] + [UInt8](repeating: 0, count: 40), type: 38, src: [0, 0x1B, 0x21, 0, 0, 9]),
        ])
        let host = try #require(facts.hosts.first)
        #expect(host.mac == "00:16:3e:00:00:02" && host.otherMACs == ["00:0c:29:00:00:66"])
        #expect(facts.macOnly?.map(\.mac) == ["00:1b:21:00:00:09"])
    }
}
