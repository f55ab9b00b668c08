internal import CPcap
import Foundation

/// A classic little-endian pcap file (microsecond timestamps, version 2.4) mapped read-only, whose records are
/// passed to the sink without copying (libpcap `fread`s each header and body through stdio: two copies and a
/// lock per packet). Only plainly regular records are read here: any record libpcap would treat specially
/// (captured length above the snapshot length or 262144, a record cut short by the end of the file) stops the
/// fast path, and libpcap reads from that record's offset on, with its own checks and messages.
/// The consumed part of the file is unmapped as reading goes on, so resident memory stays flat.
/// A file that shrinks while it is read (truncated by log rotation, say) would make touching the lost pages a
/// SIGBUS: its size is looked at again every 2 MiB, and once it is smaller than the mapping libpcap takes over.
final class FileMapping {
    private let base: UnsafeMutableRawPointer
    private let descriptor: Int32
    private let size: Int
    /// Bytes of the mapping already returned to the system (a multiple of the page size).
    private var released = 0
    private static let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    private static let releaseStep = 2 << 20
    /// The largest snapshot length libpcap accepts for the link types capdo decodes (MAXIMUM_SNAPLEN).
    private static let maximumCaptured: UInt32 = 262_144

    /// Nil when the handle's file is not a plain native-order microsecond pcap 2.4 file, or cannot be mapped.
    init?(handle: OpaquePointer) {
        guard pcap_is_swapped(handle) == 0, pcap_major_version(handle) == 2, pcap_minor_version(handle) >= 4,
            let file = pcap_file(handle)
        else { return nil }
        var status = stat()
        guard fstat(fileno(file), &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 24 else {
            return nil
        }
        let size = Int(status.st_size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fileno(file), 0),
            address != UnsafeMutableRawPointer(bitPattern: -1)
        else {
            return nil
        }
        // The magic number must be the plain microsecond one in this machine's byte order (not nanosecond,
        // not the 24-byte-header variants), with the 16-byte record header libpcap reads.
        guard address.loadUnaligned(as: UInt32.self) == 0xA1B2_C3D4 else {
            munmap(address, size)
            return nil
        }
        madvise(address, size, MADV_SEQUENTIAL)
        self.descriptor = fileno(file)
        self.base = address
        self.size = size
        self.released = 0
    }

    deinit {
        munmap(base + released, size - released)
    }

    /// Passes every regular record to `sink`. Returns nil at the exact end of the file, else the offset of the
    /// first record libpcap must read.
    func read<Sink: PacketSink>(snapshot: UInt32, into sink: inout Sink) -> Int? {
        let limit = min(snapshot, Self.maximumCaptured)
        var offset = 24
        while true {
            guard size - offset >= 16 else { return offset == size ? nil : offset }
            let record = base + offset
            let seconds = record.loadUnaligned(as: Int32.self)
            let microseconds = record.loadUnaligned(fromByteOffset: 4, as: Int32.self)
            let captured = record.loadUnaligned(fromByteOffset: 8, as: UInt32.self)
            let length = record.loadUnaligned(fromByteOffset: 12, as: UInt32.self)
            guard captured <= limit, size - offset - 16 >= Int(captured) else { return offset }
            sink.consume(
                PacketRecord(
                    seconds: Int(seconds), microseconds: Int(microseconds), length: Int(length),
                    bytes: UnsafeRawBufferPointer(start: record + 16, count: Int(captured))))
            offset += 16 + Int(captured)
            if offset - released >= Self.releaseStep {
                release(upTo: offset)
                if shrank { return offset }
            }
        }
    }

    /// Whether the file is now shorter than when it was mapped.
    private var shrank: Bool {
        var status = stat()
        return fstat(descriptor, &status) != 0 || Int(status.st_size) < size
    }

    /// Unmaps the whole pages before `offset` (already consumed).
    private func release(upTo offset: Int) {
        let end = offset / Self.page * Self.page
        guard end > released else { return }
        munmap(base + released, end - released)
        released = end
    }
}
