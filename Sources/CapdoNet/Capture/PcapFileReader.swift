internal import CPcap
import Foundation

/// Reads a classic little-endian pcap file (microsecond timestamps, version 2.4) from a mapping of it (`MappedFile`),
/// and passes its records to the sink in place (libpcap `fread`s each header and body through stdio: two copies and a
/// lock per packet). Only plainly regular records are read here: any record libpcap would treat specially (captured
/// length above the snapshot length or 262144, a record cut short by the end of the file) stops the fast path, and
/// libpcap reads from that record's offset on, with its own checks and messages.
///
/// A file that shrinks while it is read (truncated by log rotation) ends early at the first record the cut reached,
/// as it would for libpcap: the mapping is guarded, so that record reads as zeros and is not passed on, where an
/// unguarded mapping would kill the process with SIGBUS. A file that grows while it is read is read to its new end
/// by libpcap.
final class PcapFileReader {
    private let descriptor: Int32
    /// The largest snapshot length libpcap accepts for the link types capdo decodes (MAXIMUM_SNAPLEN).
    private static let maximumCaptured: UInt32 = 262_144
    /// The pcap file header's length: records start after it.
    private static let headerLength = 24

    /// Nil when the handle's file is not a plain native-order microsecond pcap 2.4 regular file.
    init?(handle: OpaquePointer) {
        guard pcap_is_swapped(handle) == 0, pcap_major_version(handle) == 2, pcap_minor_version(handle) >= 4,
            let file = pcap_file(handle)
        else { return nil }
        let descriptor = fileno(file)
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        // The magic number must be the plain microsecond one in this machine's byte order (not nanosecond,
        // not the 24-byte-header variants), with the 16-byte record header libpcap reads.
        var magic: UInt32 = 0
        guard pread(descriptor, &magic, 4, 0) == 4, magic == 0xA1B2_C3D4 else { return nil }
        self.descriptor = descriptor
    }

    /// Passes every regular record to `sink`. Returns nil at the exact end of the file, else the offset of the
    /// first record libpcap must read.
    func read<Sink: PacketSink>(snapshot: UInt32, into sink: inout Sink) -> Int? {
        let limit = min(snapshot, Self.maximumCaptured)
        var status = stat()
        guard fstat(descriptor, &status) == 0, Int(status.st_size) > Self.headerLength,
            let file = MappedFile(descriptor: descriptor, length: Int(status.st_size))
        else { return Self.headerLength }
        defer { file.finish() }
        let base = file.base
        let size = file.length
        var position = Self.headerLength
        var mark = file.nextMark
        while size - position >= 16 {
            let record = base + position
            let captured = record.loadUnaligned(fromByteOffset: 8, as: UInt32.self)
            guard captured <= limit else { return position }
            let end = position + 16 + Int(captured)
            guard end <= size, file.intact(upTo: end) else { return position }
            sink.consume(Self.record(at: record, captured: captured))
            position = end
            if position >= mark {
                file.passed(position)
                mark = file.nextMark
            }
        }
        return position == size && file.endsWhereMapped ? nil : position
    }

    /// The record whose 16-byte header is at `start`.
    @inline(__always) private static func record(at start: UnsafeRawPointer, captured: UInt32) -> PacketRecord {
        PacketRecord(
            seconds: Int(start.loadUnaligned(as: Int32.self)),
            microseconds: Int(start.loadUnaligned(fromByteOffset: 4, as: Int32.self)),
            length: Int(start.loadUnaligned(fromByteOffset: 12, as: UInt32.self)),
            bytes: UnsafeRawBufferPointer(start: start + 16, count: Int(captured)))
    }
}
