internal import CPcap
import Foundation

/// Reads a classic little-endian pcap file (microsecond timestamps, version 2.4) with `pread` into one reused
/// buffer and passes its records to the sink from there (libpcap `fread`s each header and body through stdio: two
/// copies and a lock per packet). Only plainly regular records are read here: any record libpcap would treat
/// specially (captured length above the snapshot length or 262144, a record cut short by the end of the file)
/// stops the fast path, and libpcap reads from that record's offset on, with its own checks and messages.
///
/// The file is read, not mapped: a file that shrinks while it is read (truncated by log rotation) then just ends
/// early, where touching a mapped page past its new end kills the process with SIGBUS. Memory stays one buffer.
final class PcapFileReader {
    private let descriptor: Int32
    private let buffer: UnsafeMutableRawPointer
    /// 1 MiB: large enough for the largest record libpcap accepts, small enough to stay in cache while it is read.
    private static let bufferSize = 1 << 20
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
        self.buffer = .allocate(byteCount: Self.bufferSize, alignment: 16)
    }

    deinit {
        buffer.deallocate()
    }

    /// Passes every regular record to `sink`. Returns nil at the exact end of the file, else the offset of the
    /// first record libpcap must read.
    func read<Sink: PacketSink>(snapshot: UInt32, into sink: inout Sink) -> Int? {
        let limit = min(snapshot, Self.maximumCaptured)
        var start = Self.headerLength  // the file offset of buffer[0]
        var filled = 0
        var position = 0
        var ended = false
        while true {
            let available = filled - position
            if available >= 16 {
                let record = buffer + position
                let captured = record.loadUnaligned(fromByteOffset: 8, as: UInt32.self)
                guard captured <= limit else { return start + position }
                if available - 16 >= Int(captured) {
                    sink.consume(
                        PacketRecord(
                            seconds: Int(record.loadUnaligned(as: Int32.self)),
                            microseconds: Int(record.loadUnaligned(fromByteOffset: 4, as: Int32.self)),
                            length: Int(record.loadUnaligned(fromByteOffset: 12, as: UInt32.self)),
                            bytes: UnsafeRawBufferPointer(start: record + 16, count: Int(captured))))
                    position += 16 + Int(captured)
                    continue
                }
            }
            if ended { return available == 0 ? nil : start + position }
            if position > 0 {
                buffer.copyMemory(from: buffer + position, byteCount: available)
                start += position
                filled = available
                position = 0
            }
            let got = pread(descriptor, buffer + filled, Self.bufferSize - filled, off_t(start + filled))
            if got > 0 {
                filled += got
            } else if got < 0 && errno == EINTR {
                continue
            } else {
                ended = true
            }
        }
    }
}
