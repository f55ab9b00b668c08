import CapdoCore
import CapdoNet
import Foundation
import Testing

/// Cleartext credentials (redacted), DHCP, ARP, VRRP/HSRP, syslog/NTP, SMB1, UDP services.
@Suite struct AnalyzerTests {
    let c = "192.0.2.30", s = "192.0.2.20"

    @Test func ftpUserAndPassAreRecordedWithoutTheSecret() throws {
        let frames =
            Frames.handshake(client: c, server: s, port: 21) + [
                Frames.toClient(s, c, 21, "220 ready\r\n"),
                Frames.toServer(c, s, 21, "USER backup\r\n"),
                Frames.toServer(c, s, 21, "PASS Hunter2-secret\r\n"),
            ]
        let facts = try CaptureFixture.facts(frames)
        #expect(facts.credentials.count == 1)
        let credential = try #require(facts.credentials.first)
        #expect(credential.protocol == "ftp" && credential.user == "backup" && credential.secret == "redacted")
        #expect(credential.packet == 5 && credential.server == "192.0.2.20:21" && credential.client == c)
        #expect(facts.protocolsSeen.map(\.protocol).contains("ftp"))
        let json = String(decoding: try JSONEncoder().encode(facts), as: UTF8.self)
        #expect(!json.contains("Hunter2"))
    }

    @Test func httpBasicPop3ImapSmtpSnmp() throws {
        let basic = Data("alice:TopSecret9".utf8).base64EncodedString()
        let plain = Data("\u{0}mailer\u{0}TopSecret9".utf8).base64EncodedString()
        let frames = [
            Frames.toServer(
                c, s, 8080, "GET /admin HTTP/1.1\r\nHost: x\r\nAuthorization: Basic \(basic)\r\n\r\n", clientPort: 40001
            ),
            Frames.toServer(c, s, 110, "USER bob\r\n", clientPort: 40002),
            Frames.toServer(c, s, 110, "PASS TopSecret9\r\n", clientPort: 40002),
            Frames.toServer(c, s, 143, "a1 LOGIN carol TopSecret9\r\n", clientPort: 40003),
            Frames.toServer(c, s, 25, "AUTH PLAIN \(plain)\r\n", clientPort: 40004),
            Frames.ethernet(
                Frames.ipv4(c, s, proto: 17, Frames.udp(40005, 161, payload: Frames.snmp(community: "public")))),
            Frames.ethernet(
                Frames.ipv4(c, s, proto: 17, Frames.udp(40006, 161, payload: Frames.snmp(community: "TopSecret9")))),
        ]
        let facts = try CaptureFixture.facts(frames)
        let summary = facts.credentials.map { "\($0.protocol):\($0.user ?? "-"):\($0.defaultSecret)" }
        #expect(
            summary == [
                "http_basic:alice:false", "pop3:bob:false", "imap:carol:false", "smtp:mailer:false", "snmp_v2c:-:true",
                "snmp_v2c:-:false",
            ])
        #expect(facts.credentials.allSatisfy { $0.secret == "redacted" })
        let json = String(decoding: try JSONEncoder().encode(facts), as: UTF8.self)
        #expect(!json.contains("TopSecret9") && !json.contains("public\""))
    }

    @Test func telnetLoginIsFollowedAcrossPackets() throws {
        var frames = Frames.handshake(client: c, server: s, port: 23)
        frames.append(Frames.toClient(s, c, 23, "Debian login: "))
        for ch in "admin\r" { frames.append(Frames.toServer(c, s, 23, String(ch))) }
        frames.append(Frames.toClient(s, c, 23, "Password: "))
        for ch in "S3cr3t!\r\n" { frames.append(Frames.toServer(c, s, 23, String(ch))) }
        let facts = try CaptureFixture.facts(frames)
        #expect(facts.credentials.map(\.protocol) == ["telnet"])
        #expect(facts.credentials.first?.user == "admin")
        #expect(facts.services.map(\.port) == [23])
    }

    @Test func twoDhcpServersAndAnArpConflictAreFound() throws {
        let rogue: [UInt8] = [0x02, 0, 0, 0, 0, 0x66]
        let frames = [
            Frames.dhcpReply(server: "192.0.2.1", type: 2, mac: Frames.macA),
            Frames.dhcpReply(server: "192.0.2.66", type: 2, mac: rogue),
            Frames.dhcpReply(server: "192.0.2.1", type: 5, mac: Frames.macA),
            Frames.arp(op: 2, senderMAC: Frames.macA, senderIP: "192.0.2.1", targetIP: "192.0.2.30"),
            Frames.arp(op: 2, senderMAC: rogue, senderIP: "192.0.2.1", targetIP: "192.0.2.30"),
        ]
        let facts = try CaptureFixture.facts(frames)
        #expect(facts.dhcpServers.map(\.ip) == ["192.0.2.1", "192.0.2.66"])
        #expect(facts.dhcpServers.first?.offers == 1 && facts.dhcpServers.first?.acks == 1)
        #expect(facts.arpConflicts.count == 1)
        #expect(facts.arpConflicts.first?.macs == ["02:00:00:00:00:0a", "02:00:00:00:00:66"])
        #expect(facts.arpConflicts.first?.packets == [4, 5])
    }

    @Test func protocolsOfInterestAndUdpServices() throws {
        let smbNegotiate: [UInt8] = [0, 0, 0, 0x20, 0xFF, 0x53, 0x4D, 0x42, 0x72] + [UInt8](repeating: 0, count: 27)
        let frames = [
            Frames.ethernet(
                Frames.ipv4("192.0.2.2", "224.0.0.18", proto: 112, [0x21, 1, 100, 1, 0, 1, 0, 0, 192, 0, 2, 254])),
            Frames.ethernet(
                Frames.ipv4("192.0.2.3", "224.0.0.2", proto: 17, Frames.udp(1985, 1985, payload: [0, 0, 16, 3]))),
            Frames.ethernet(
                Frames.ipv4(
                    "192.0.2.1", "192.0.2.10", proto: 17, Frames.udp(514, 514, payload: Array("<13>hello".utf8)))),
            Frames.ethernet(
                Frames.ipv4(
                    c, "192.0.2.10", proto: 17, Frames.udp(40123, 123, payload: [UInt8](repeating: 0x23, count: 48)))),
            Frames.ethernet(
                Frames.ipv4(
                    "192.0.2.10", c, proto: 17, Frames.udp(123, 40123, payload: [UInt8](repeating: 0x24, count: 48)))),
            Frames.toServer(c, "192.0.2.41", 445, String(decoding: smbNegotiate, as: UTF8.self)),
        ]
        var smbFrame = frames[5]
        smbFrame.removeLast(smbFrame.count - (14 + 20 + 20))
        smbFrame += smbNegotiate
        let fixed = Array(frames[0..<5]) + [smbFrame]
        let facts = try CaptureFixture.facts(fixed)
        #expect(facts.protocolsSeen.map(\.protocol) == ["hsrp", "ntp", "smb1", "syslog", "vrrp"])
        #expect(facts.services.map { "\($0.ip):\($0.port)/\($0.protocol)" } == ["192.0.2.10:123/udp"])
        #expect(facts.protocolsSeen.first { $0.protocol == "smb1" }?.destinations == ["192.0.2.41"])
    }
}
