internal import CPcap
import CapdoCore
import Foundation

/// Writes a pcap file with libpcap (`pcap_open_dead` + `pcap_dump`): test fixtures and benchmark captures.
public final class CaptureWriter {
    private let dead: OpaquePointer
    private let dumper: OpaquePointer

    /// `linkType` is a DLT value (1 Ethernet, 0 BSD null, 12 raw IP, 113 Linux SLL, 276 Linux SLL2).
    public init(path: String, linkType: Int32 = 1, snapshotLength: Int32 = 262_144) throws {
        guard let dead = pcap_open_dead(linkType, snapshotLength) else {
            throw CapdoError(.capture, "Cannot create a capture of link type \(linkType).")
        }
        guard let dumper = pcap_dump_open(dead, path) else {
            let cause = String(cString: pcap_geterr(dead))
            pcap_close(dead)
            throw CapdoError(.output, "Cannot write capture file '\(path)'.", cause: cause)
        }
        self.dead = dead
        self.dumper = dumper
    }

    deinit { close() }

    private var closed = false

    /// Appends one packet; `originalLength` defaults to the byte count.
    public func write(_ bytes: [UInt8], seconds: Int = 1_700_000_000, microseconds: Int = 0, originalLength: Int? = nil)
    {
        var header = pcap_pkthdr()
        header.ts.tv_sec = seconds
        header.ts.tv_usec = microseconds
        header.caplen = UInt32(bytes.count)
        header.len = UInt32(originalLength ?? bytes.count)
        bytes.withUnsafeBytes { raw in
            pcap_dump(
                UnsafeMutableRawPointer(dumper).assumingMemoryBound(to: u_char.self), &header,
                raw.baseAddress?.assumingMemoryBound(to: u_char.self))
        }
    }

    /// Flushes and closes the file (also done on deinit).
    public func close() {
        guard !closed else { return }
        closed = true
        pcap_dump_close(dumper)
        pcap_close(dead)
    }
}
