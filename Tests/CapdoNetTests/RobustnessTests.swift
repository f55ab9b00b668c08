import CapdoCore
import CapdoNet
import CapdoTestSupport
import Foundation
import Testing

/// Malformed and truncated captures end in a clear message or a counted skip, never a crash or a hang.
@Suite struct RobustnessTests {
    /// A classic pcap file header (little-endian, microseconds).
    static func fileHeader(snaplen: UInt32 = 65_535, linkType: UInt32 = 1, magic: UInt32 = 0xA1B2_C3D4) -> [UInt8] {
        func le32(_ v: UInt32) -> [UInt8] {
            [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)]
        }
        return le32(magic) + [2, 0, 4, 0] + le32(0) + le32(0) + le32(snaplen) + le32(linkType)
    }

    static func record(caplen: UInt32, len: UInt32, bytes: [UInt8]) -> [UInt8] {
        func le32(_ v: UInt32) -> [UInt8] {
            [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)]
        }
        return le32(1_700_000_000) + le32(0) + le32(caplen) + le32(len) + bytes
    }

    static func read(_ bytes: [UInt8]) -> Result<CaptureReader.Outcome, CapdoError> {
        guard let folder = try? TemporaryDirectory() else {
            return .failure(CapdoError(.internalError, "cannot create a temporary directory"))
        }
        defer { folder.remove() }
        let path = folder.path("bad.pcap")
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        do {
            return .success(try CaptureReader.read(path: path))
        } catch let error as CapdoError {
            return .failure(error)
        } catch {
            return .failure(CapdoError(.internalError, "\(error)"))
        }
    }

    @Test func missingFileAndDirectoryAreClearErrors() {
        #expect(throws: CapdoError.self) { try CaptureReader.read(path: "/nonexistent/capdo/x.pcap") }
        do {
            _ = try CaptureReader.read(path: "/nonexistent/capdo/x.pcap")
        } catch let error as CapdoError {
            #expect(error.message.contains("not found"))
        } catch {}
        #expect(throws: CapdoError.self) { try CaptureReader.read(path: NSTemporaryDirectory()) }
    }

    @Test(arguments: [
        ("empty", [UInt8]()),
        ("wrong magic", Array("this is not a capture file at all, just text".utf8)),
        ("truncated header", Array(fileHeader().prefix(10))),
    ])
    func notACaptureIsAClearError(_ name: String, _ bytes: [UInt8]) {
        guard case .failure(let error) = Self.read(bytes) else {
            Issue.record("\(name): expected an error")
            return
        }
        #expect(error.code == .capture, "\(name)")
        #expect(error.message.contains("not a pcap") || error.message.contains("truncated"), "\(name): \(error)")
    }

    @Test func garbageLinkTypeIsAClearError() {
        guard case .failure(let error) = Self.read(Self.fileHeader(linkType: 4242)) else {
            Issue.record("expected an error")
            return
        }
        #expect(error.message.contains("link type"))
    }

    @Test func snaplenZeroHugeCaplenAndTruncatedRecordEndWithAWarning() {
        let frame = Frames.ethernet(Frames.ipv4("192.0.2.1", "192.0.2.2", proto: 6, Frames.tcp(1, 2, flags: 2)))
        let cases: [(String, [UInt8])] = [
            (
                "snaplen 0",
                Self.fileHeader(snaplen: 0)
                    + Self.record(caplen: UInt32(frame.count), len: UInt32(frame.count), bytes: frame)
            ),
            ("huge caplen", Self.fileHeader() + Self.record(caplen: 0x7FFF_FFFF, len: 0x7FFF_FFFF, bytes: frame)),
            ("truncated record", Self.fileHeader() + Self.record(caplen: 200, len: 200, bytes: frame)),
            ("truncated record header", Self.fileHeader() + [1, 2, 3]),
        ]
        for (name, bytes) in cases {
            switch Self.read(bytes) {
            case .success(let outcome):
                // Either libpcap accepted the record (counted) or reading stopped with a message.
                #expect(outcome.facts.counters.packets <= 1, "\(name)")
                if outcome.facts.counters.packets == 0 { #expect(outcome.warning != nil, "\(name)") }
            case .failure(let error):
                #expect(!error.message.isEmpty, "\(name)")
            }
        }
    }

    /// Every truncation of every fixture frame, and random byte flips: counted, never a crash.
    @Test func everyTruncationAndByteFlipIsSurvived() throws {
        let basic = Data("alice:pw".utf8).base64EncodedString()
        let frames: [[UInt8]] =
            Frames.handshake(client: "192.0.2.1", server: "192.0.2.2", port: 21) + [
                Frames.toServer("192.0.2.1", "192.0.2.2", 21, "USER a\r\nPASS b\r\n"),
                Frames.toServer(
                    "192.0.2.1", "192.0.2.2", 80, "GET / HTTP/1.1\r\nAuthorization: Basic \(basic)\r\n\r\n"),
                Frames.dhcpReply(server: "192.0.2.1", type: 2, mac: Frames.macA),
                Frames.arp(op: 1, senderMAC: Frames.macA, senderIP: "192.0.2.1", targetIP: "192.0.2.2"),
                Frames.ethernet(
                    Frames.ipv4(
                        "192.0.2.1", "192.0.2.2", proto: 17,
                        Frames.udp(4000, 161, payload: Frames.snmp(community: "public")))),
                Frames.ethernet(
                    Frames.ipv6(1, 2, next: 0, [6, 0, 1, 4, 0, 0, 0, 0] + Frames.tcp(1, 2, flags: 2)), type: 0x86DD),
                Frames.ethernet(Frames.ipv4("192.0.2.1", "192.0.2.2", proto: 6, Frames.tcp(1, 2, flags: 2)), vlans: 2),
            ]
        var mutated: [[UInt8]] = []
        for frame in frames {
            for length in 0...frame.count { mutated.append(Array(frame.prefix(length))) }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            var frame = frames.randomElement(using: &generator)!
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                frame[Int.random(in: 0..<frame.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            mutated.append(frame)
        }
        for linkType: Int32 in [1, 0, 12, 113, 276] {
            let facts = try CaptureFixture.facts(mutated, linkType: linkType)
            #expect(facts.counters.packets == mutated.count)
            #expect(facts.counters.malformed > 0)
            #expect(facts.counters.malformed <= facts.counters.packets)
        }
    }
}
