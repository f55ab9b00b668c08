import CapdoCore
import CapdoNet
import Foundation
import Testing

/// What the packet observers share: one bound and one order for the credentials of every login observer, one
/// cleartext session table, and one protocol per UDP datagram.
@Suite struct ObserverSharingTests {
    let c = "192.0.2.30", s = "192.0.2.20"

    /// 600 FTP and 600 HTTP Basic logins, alternating: the first 1,000 in packet order are listed, whichever
    /// observer found them, and the other 200 are counted.
    @Test func credentialsOfAllLoginObserversShareOneBoundInPacketOrder() throws {
        let basic = Data("alice:pw".utf8).base64EncodedString()
        var frames: [[UInt8]] = []
        for index in 0..<600 {
            frames.append(Frames.toServer(c, s, 21, "PASS pw\r\n", clientPort: 20_000 + index))
            frames.append(
                Frames.toServer(
                    c, s, 8080, "GET / HTTP/1.1\r\nAuthorization: Basic \(basic)\r\n\r\n", clientPort: 30_000 + index))
        }
        let facts = try CaptureFixture.facts(frames)
        #expect(facts.credentials.count == 1_000)
        #expect(facts.credentials.map(\.packet) == Array(1...1_000))
        #expect(facts.credentials.prefix(2).map(\.protocol) == ["ftp", "http_basic"])
        #expect(facts.counters.skipped["credentials_over_limit"] == 200)
    }

    /// 4,096 FTP logins in progress fill the one session table; an SMTP login then empties it, so the first FTP
    /// login's user is no longer known when its secret comes.
    @Test func loginObserversShareOneSessionTable() throws {
        var frames: [[UInt8]] = []
        for index in 0..<4_096 {
            frames.append(Frames.toServer(c, s, 21, "USER user\(index)\r\n", clientPort: 20_000 + index))
        }
        frames.append(Frames.toServer(c, s, 25, "AUTH LOGIN\r\n", clientPort: 40_000))
        frames.append(Frames.toServer(c, s, 21, "PASS pw\r\n", clientPort: 20_000))
        frames.append(Frames.toServer(c, s, 21, "USER again\r\n", clientPort: 20_001))
        frames.append(Frames.toServer(c, s, 21, "PASS pw\r\n", clientPort: 20_001))
        let facts = try CaptureFixture.facts(frames)
        #expect(facts.counters.skipped["cleartext_sessions_flushed"] == 1)
        #expect(facts.credentials.map { $0.user ?? "-" } == ["-", "again"])
    }

    /// A datagram counts for the first protocol its ports name: from 53 to 137 is NBNS, not DNS; from 123 to 69 is
    /// TFTP's port, so without a TFTP request it is neither TFTP nor NTP.
    @Test func aDatagramCountsForTheFirstProtocolItsPortsName() throws {
        let header = [UInt8](repeating: 0, count: 12)
        let frames = [
            Frames.ethernet(Frames.ipv4(c, s, proto: 17, Frames.udp(53, 137, payload: header))),
            Frames.ethernet(Frames.ipv4(c, s, proto: 17, Frames.udp(123, 69, payload: header))),
            Frames.ethernet(Frames.ipv4(c, s, proto: 17, Frames.udp(40_000, 53, payload: [1, 2, 3]))),
        ]
        let facts = try CaptureFixture.facts(frames)
        #expect(facts.protocolsSeen.map(\.protocol) == ["nbns"])
        #expect(facts.counters.skipped["truncated_dns"] == 1)
    }
}
