import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@testable import CapdoNet

/// The fast reader (`PcapFileReader` over `ReadAhead`'s blocks) against libpcap reading the same records: records
/// cut by a block's end at every offset, up to the largest record libpcap accepts, a file cut inside a record, and
/// a record libpcap refuses after a block's end.
@Suite struct ReadAheadTests {
    /// What a reader handed over: per record its lengths and a hash of its bytes.
    struct RecordingSink: PacketSink {
        var records: [[Int]] = []

        mutating func consume(_ record: PacketRecord) {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in record.bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            records.append([record.bytes.count, record.length, Int(bitPattern: UInt(hash))])
        }
    }

    /// A pcap file: `magic` 0xA1B2C3D4 (microseconds: the fast reader takes it) or 0xA1B23C4D (nanoseconds: only
    /// libpcap reads it), snapshot length 262,144, Ethernet; each record's bytes are its index, repeated.
    static func capture(magic: UInt32, sizes: [Int], lengthOverride: [Int: UInt32] = [:]) -> [UInt8] {
        func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) } }
        var bytes = le32(magic) + [2, 0, 4, 0] + le32(0) + le32(0) + le32(262_144) + le32(1)
        for (index, size) in sizes.enumerated() {
            bytes += le32(1_700_000_000) + le32(0) + le32(lengthOverride[index] ?? UInt32(size)) + le32(UInt32(size))
            bytes += [UInt8](repeating: UInt8(truncatingIfNeeded: index), count: size)
        }
        return bytes
    }

    /// Record sizes for a file of a little over 3 MiB whose first record across the 1 MiB block end starts `shift`
    /// bytes before it and holds `crossing` bytes; returns the sizes and that record's index and offset.
    static func sizes(shift: Int, crossing: Int) -> (sizes: [Int], index: Int, offset: Int) {
        var sizes: [Int] = []
        var offset = 24
        while (1 << 20) - shift - offset >= 2_016 {
            sizes.append(1_000)
            offset += 1_016
        }
        sizes.append((1 << 20) - shift - offset - 16)
        offset = (1 << 20) - shift
        let index = sizes.count
        sizes.append(crossing)
        var end = offset + 16 + crossing
        while end < 3 << 20 + 5_000 {
            sizes.append(997)
            end += 1_013
        }
        return (sizes, index, offset)
    }

    /// Where the record across the block end starts, from before its header to inside its body; small and largest.
    static let shapes: [(Int, Int)] = [
        (1, 60), (8, 60), (15, 60), (16, 60), (17, 60), (100, 1_500), (1_000, 262_144), (20, 0),
    ]

    static func read(_ bytes: [UInt8], in folder: TemporaryDirectory, name: String) throws -> (RecordingSink, String?) {
        let path = folder.path(name)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let handle = try PcapHandle.openOffline(path: path)
        var sink = RecordingSink()
        let message = handle.read(into: &sink)
        return (sink, message)
    }

    @Test(arguments: shapes)
    func recordsAcrossBlockEndsAreLibpcapsRecords(_ shift: Int, _ crossing: Int) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let sizes = Self.sizes(shift: shift, crossing: crossing).sizes
        let (fast, fastMessage) = try Self.read(Self.capture(magic: 0xA1B2_C3D4, sizes: sizes), in: folder, name: "f")
        let (libpcap, libpcapMessage) = try Self.read(
            Self.capture(magic: 0xA1B2_3C4D, sizes: sizes), in: folder, name: "l")
        #expect(fastMessage == nil)
        #expect(libpcapMessage == nil)
        #expect(fast.records.count == sizes.count)
        #expect(fast.records == libpcap.records)
    }

    /// Cut inside a record that crosses a block's end, in its header or its body: the records before are read,
    /// and libpcap's "truncated" message ends the reading, as libpcap alone does.
    @Test(arguments: [(8, 1), (8, 8), (15, 20), (100, 99), (100, 1_000)])
    func fileCutInARecordAcrossABlockEndEndsLikeLibpcap(_ shift: Int, _ into: Int) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let (sizes, index, offset) = Self.sizes(shift: shift, crossing: 1_500)
        let cut = offset + into
        let fastBytes = Array(Self.capture(magic: 0xA1B2_C3D4, sizes: sizes).prefix(cut))
        let libpcapBytes = Array(Self.capture(magic: 0xA1B2_3C4D, sizes: sizes).prefix(cut))
        let (fast, fastMessage) = try Self.read(fastBytes, in: folder, name: "f")
        let (libpcap, libpcapMessage) = try Self.read(libpcapBytes, in: folder, name: "l")
        #expect(fast.records.count == index)
        #expect(fast.records == libpcap.records)
        #expect(fastMessage == libpcapMessage)
        #expect(fastMessage?.contains("truncated") == true, "\(fastMessage ?? "nil")")
    }

    /// A record longer than the snapshot length across a block's end: libpcap reads from it and says why.
    @Test(arguments: [4, 16, 40])
    func oversizedRecordAcrossABlockEndIsLibpcapsError(_ shift: Int) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let (sizes, index, _) = Self.sizes(shift: shift, crossing: 1_500)
        let override = [index: UInt32(300_000)]
        let (fast, fastMessage) = try Self.read(
            Self.capture(magic: 0xA1B2_C3D4, sizes: sizes, lengthOverride: override), in: folder, name: "f")
        let (libpcap, libpcapMessage) = try Self.read(
            Self.capture(magic: 0xA1B2_3C4D, sizes: sizes, lengthOverride: override), in: folder, name: "l")
        #expect(fast.records.count == index)
        #expect(fast.records == libpcap.records)
        #expect(fastMessage != nil)
        #expect(fastMessage == libpcapMessage)
    }
}
