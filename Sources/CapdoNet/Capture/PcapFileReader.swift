internal import CPcap
import Foundation

/// Reads a classic little-endian pcap file (microsecond timestamps, version 2.4) with `pread`, in blocks read ahead on
/// a thread of their own (`ReadAhead`), and passes its records to the sink from there (libpcap `fread`s each header
/// and body through stdio: two copies and a lock per packet). A record cut by a block's end is gathered in `carry`.
/// Only plainly regular records are read here: any record libpcap would treat specially (captured length above the
/// snapshot length or 262144, a record cut short by the end of the file) stops the fast path, and libpcap reads from
/// that record's offset on, with its own checks and messages.
///
/// The file is read, not mapped: a file that shrinks while it is read (truncated by log rotation) then just ends
/// early, where touching a mapped page past its new end kills the process with SIGBUS. Memory stays the blocks.
final class PcapFileReader {
    private let descriptor: Int32
    /// One record cut by the end of a block, completed from the next block.
    private let carry: UnsafeMutableRawPointer
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
        _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_SEQUENTIAL)
        self.descriptor = descriptor
        self.carry = .allocate(byteCount: 16 + Int(Self.maximumCaptured), alignment: 16)
    }

    deinit {
        carry.deallocate()
    }

    /// Passes every regular record to `sink`. Returns nil at the exact end of the file, else the offset of the
    /// first record libpcap must read.
    func read<Sink: PacketSink>(snapshot: UInt32, into sink: inout Sink) -> Int? {
        let limit = min(snapshot, Self.maximumCaptured)
        let blocks = ReadAhead(descriptor: descriptor, from: Self.headerLength)
        defer { blocks.finish() }
        var offset = Self.headerLength  // the file offset of the block's first byte
        var carried = 0  // bytes of a record the block before cut short, in `carry`
        var carriedAt = 0  // that record's file offset
        while let block = blocks.next() {
            let end = block.count
            var position = 0
            while carried > 0 && position < end {
                let wanted = carried < 16 ? 16 : 16 + Int(carry.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
                let take = min(wanted - carried, end - position)
                (carry + carried).copyMemory(from: block.bytes + position, byteCount: take)
                carried += take
                position += take
                if carried >= 16 {
                    let captured = carry.loadUnaligned(fromByteOffset: 8, as: UInt32.self)
                    guard captured <= limit else { return carriedAt }
                    if carried == 16 + Int(captured) {
                        sink.consume(Self.record(at: carry, captured: captured))
                        carried = 0
                    }
                }
            }
            while carried == 0 {
                let available = end - position
                if available >= 16 {
                    let record = block.bytes + position
                    let captured = record.loadUnaligned(fromByteOffset: 8, as: UInt32.self)
                    guard captured <= limit else { return offset + position }
                    if available - 16 >= Int(captured) {
                        position += 16 + Int(captured)
                        CPcap_prefetch(block.bytes + position)
                        sink.consume(Self.record(at: record, captured: captured))
                        continue
                    }
                }
                if available > 0 {
                    carry.copyMemory(from: block.bytes + position, byteCount: available)
                    carried = available
                    carriedAt = offset + position
                }
                break
            }
            offset += end
            if block.isLast { break }
        }
        return carried == 0 ? nil : carriedAt
    }

    /// The record whose 16-byte header is at `start`.
    private static func record(at start: UnsafeMutableRawPointer, captured: UInt32) -> PacketRecord {
        PacketRecord(
            seconds: Int(start.loadUnaligned(as: Int32.self)),
            microseconds: Int(start.loadUnaligned(fromByteOffset: 4, as: Int32.self)),
            length: Int(start.loadUnaligned(fromByteOffset: 12, as: UInt32.self)),
            bytes: UnsafeRawBufferPointer(start: start + 16, count: Int(captured)))
    }
}
