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

        /// Records whose bytes are all zeros: what a record the cut reached would read as.
        var zeroRecords = 0

        mutating func consume(_ record: PacketRecord) {
            if record.bytes.allSatisfy({ $0 == 0 }) { zeroRecords += 1 }
            if packets == 0 { truncate(path, length) }
            packets += 1
        }
    }

    /// The file is mapped: touching a record past the new end would be a SIGBUS (exit 135), so the mapping is
    /// guarded. Every record wholly before the cut is read, none after it: a record the cut reached reads as zeros
    /// and must not be passed on. Cuts at the start, inside a page, at a page's end, before and after the end of the
    /// mapping's first chunk (pages already mapped ahead of the reader).
    @Test(arguments: [0, 4_000, 4_096 + 24, 300_000, MappedFile.chunkSize - 1_000, MappedFile.chunkSize + 3_000])
    func fileShrinkingWhileReadEndsAtTheCutWithoutACrash(_ keptBytes: Int) throws {
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
        let recordLength = 16 + frame.count
        #expect(sink.packets == max(1, keptBytes / recordLength), "the records before the cut, and only those")
        #expect(sink.zeroRecords == 0)
        // A cut inside a record is libpcap's "truncated" message; a cut between records is a clean end.
        if keptBytes % recordLength == 0 {
            #expect(message == nil)
        } else {
            #expect(message?.contains("truncated") == true, "\(message ?? "nil")")
        }
    }

    /// Appends as many records again when it is handed its first packet, as a capture still being written would.
    struct GrowingSink: PacketSink {
        let path: String
        let appended: [UInt8]
        var packets = 0

        mutating func consume(_ record: PacketRecord) {
            if packets == 0, let file = FileHandle(forWritingAtPath: path) {
                file.seekToEndOfFile()
                file.write(Data(appended))
                file.closeFile()
            }
            packets += 1
        }
    }

    /// The mapping holds the file as it was opened; the records written after are read too (by libpcap, from the
    /// mapping's end), as a plain read to the end of the file would.
    @Test func fileGrowingWhileReadIsReadToItsNewEnd() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.path("growing.pcap")
        let writer = try CaptureWriter(path: path)
        let frame = Frames.ethernet(
            Frames.ipv4("192.0.2.1", "192.0.2.2", proto: 17, Frames.udp(4000, 53, payload: [1, 2, 3])))
        for index in 0..<1_000 { writer.write(frame, seconds: 1_700_000_000 + index) }
        writer.close()
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let handle = try PcapHandle.openOffline(path: path)
        var sink = GrowingSink(path: path, appended: Array(bytes.dropFirst(24)))
        let message = handle.read(into: &sink)
        #expect(message == nil)
        #expect(sink.packets == 2_000)
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
