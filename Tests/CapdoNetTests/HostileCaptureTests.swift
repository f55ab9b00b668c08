import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@testable import CapdoNet

/// Captures built to break the reader: a file that shrinks while it is read, more hosts than the host table
/// holds, a pcapng whose second block cannot be read.
@Suite struct HostileCaptureTests {
    /// Truncates the capture file to `length` bytes when it is handed its first packet, as log rotation would.
    struct ShrinkingSink: PacketSink {
        let path: String
        let length: off_t
        var packets = 0

        mutating func consume(_ record: PacketRecord) {
            if packets == 0 { truncate(path, length) }
            packets += 1
        }
    }

    /// Before the fix the file was mapped: touching records past the new end was a SIGBUS (exit 135).
    @Test(arguments: [0, 4_000, 4_096 + 24, 300_000])
    func fileShrinkingWhileReadEndsEarlyWithoutACrash(_ keptBytes: Int) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.path("rotating.pcap")
        let writer = try CaptureWriter(path: path)
        let frame = Frames.ethernet(
            Frames.ipv4(
                "192.0.2.1", "192.0.2.2", proto: 17, Frames.udp(4000, 53, payload: Array(repeating: 7, count: 200))))
        for index in 0..<20_000 { writer.write(frame, seconds: 1_700_000_000 + index) }
        writer.close()
        let handle = try PcapHandle.openOffline(path: path)
        var sink = ShrinkingSink(path: path, length: off_t(24 + keptBytes))
        let message = handle.read(into: &sink)
        #expect(sink.packets >= 1)
        #expect(sink.packets < 20_000, "the records past the new end were not read")
        // A cut inside a record is libpcap's "truncated" message; a cut between records is a clean end.
        if let message { #expect(message.contains("truncated"), "\(message)") }
    }

    /// 70,000 distinct sources: 65,536 listed, the rest counted in the facts and said in an issue (before: dropped
    /// without a trace).
    @Test func hostsBeyondTheTableAreCountedAndReported() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.path("many-hosts.pcap")
        let writer = try CaptureWriter(path: path)
        for index in 0..<70_000 {
            let source = "10.\(1 + index / 250 / 250).\(index / 250 % 250).\(1 + index % 250)"
            writer.write(Frames.ethernet(Frames.ipv4(source, "192.0.2.1", proto: 17, Frames.udp(4000, 9, payload: []))))
        }
        writer.close()
        let outcome = try CaptureReader.read(path: path)
        #expect(outcome.facts.hosts.count == HostObserver.limit)
        #expect(outcome.facts.counters.hostsOverLimit == 70_000 - HostObserver.limit)
        let issue = try #require(outcome.issues.first { $0.message.contains("hosts_over_limit") })
        #expect(issue.level == .warning && issue.file == path)
        #expect(issue.message.contains("\(70_000 - HostObserver.limit)"))
    }

    /// A section header, an interface description, then a block claiming 0x7FFFFFFC bytes: before the fix a
    /// warning on stderr only, and the LAN rules passed on zero packets.
    @Test func pcapngUnreadablePastItsFirstBlocksIsAnUnreadableIssueWithTheOffset() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.path("broken.pcapng")
        try FileManager.default.copyItem(atPath: Self.brokenPcapng.path, toPath: path)
        let outcome = try CaptureReader.read(path: path)
        #expect(outcome.facts.counters.packets == 0)
        let issue = try #require(outcome.issues.first)
        #expect(issue.level == .unreadable)
        #expect(issue.file == path)
        #expect(issue.message.contains("byte 48"), "\(issue.message)")
    }

    /// Tests/Fixtures/hostile/broken-third-block.pcapng (its README says what it holds).
    static let brokenPcapng = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hostile/broken-third-block.pcapng")
}
