internal import CPcap
import CapdoCore
import Foundation

/// Owns one libpcap handle (`pcap_t*`, plus an optional dumper): offline reading, live capture, injection.
///
/// `@unchecked Sendable` because the handle is used by one thread at a time (the capture thread), never shared.
final class PcapHandle: @unchecked Sendable {
    let pointer: OpaquePointer
    private var dumper: OpaquePointer?
    /// The stdio buffer of an offline capture's `FILE` (freed after `pcap_close`, which closes the file).
    private var fileBuffer: UnsafeMutableRawPointer?
    /// An offline classic-pcap file's fast reader (`PcapFileReader`).
    private var records: PcapFileReader?
    let source: String

    /// 1 MiB: libpcap `fread`s every record header and body; with stdio's default 4 KiB buffer the `read(2)`
    /// calls behind them cost a fifth of a capture's reading time.
    static let fileBufferSize = 1 << 20

    private init(pointer: OpaquePointer, source: String) {
        self.pointer = pointer
        self.source = source
    }

    deinit {
        if let dumper { pcap_dump_close(dumper) }
        pcap_close(pointer)
        free(fileBuffer)
    }

    /// Opens a pcap or pcapng file for streaming reads.
    static func openOffline(path: String) throws -> PcapHandle {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CapdoError(.capture, "Capture file '\(path)' not found. Give the path of a .pcap or .pcapng file.")
        }
        guard !isDirectory.boolValue else {
            throw CapdoError(.capture, "'\(path)' is a directory, not a capture file.")
        }
        var errbuf = [CChar](repeating: 0, count: Int(PCAP_ERRBUF_SIZE))
        // Opened here (not by pcap_open_offline) so the large stdio buffer is set before the first read.
        var handle: OpaquePointer?
        var buffer: UnsafeMutableRawPointer?
        if let file = fopen(path, "rb") {
            buffer = malloc(fileBufferSize)
            if let buffer { setvbuf(file, buffer.assumingMemoryBound(to: CChar.self), _IOFBF, fileBufferSize) }
            handle = pcap_fopen_offline(file, &errbuf)
            if handle == nil {
                fclose(file)
                free(buffer)
            }
        } else {
            let message = "\(path): \(String(cString: strerror(errno)))"
            errbuf.withUnsafeMutableBufferPointer { out in
                _ = message.withCString { strncpy(out.baseAddress!, $0, out.count - 1) }
            }
        }
        guard let handle else {
            let cause = Self.string(errbuf)
            let what: String
            if cause.contains("unknown file format") || cause.contains("bad dump file format") {
                what = "'\(path)' is not a pcap or pcapng capture."
            } else if cause.contains("truncated") || cause.contains("short") {
                what = "Capture file '\(path)' is truncated (its header is incomplete)."
            } else if cause.contains("Permission denied") {
                what = "Cannot read capture file '\(path)': permission denied."
            } else {
                what = "Cannot open capture file '\(path)'."
            }
            throw CapdoError(.capture, what, cause: cause)
        }
        let wrapper = PcapHandle(pointer: handle, source: path)
        wrapper.fileBuffer = buffer
        wrapper.records = PcapFileReader(handle: handle)
        return wrapper
    }

    /// Opens a live interface: snaplen 262144, promiscuous, immediate mode, non-blocking (reads are polled
    /// with our own deadline: libpcap's timeout does not bound reads on a quiet Linux interface).
    /// `snapshotLength` and `bufferSize` (bytes, nil = libpcap's default) let a scanner keep many short replies.
    static func openLive(
        interface: String, filter: String?, promiscuous: Bool = true, snapshotLength: Int32 = 262_144,
        bufferSize: Int32? = nil
    ) throws -> PcapHandle {
        var errbuf = [CChar](repeating: 0, count: Int(PCAP_ERRBUF_SIZE))
        guard let handle = pcap_create(interface, &errbuf) else {
            throw CapdoError(.capture, "Cannot open interface '\(interface)' for capture.", cause: Self.string(errbuf))
        }
        let wrapper = PcapHandle(pointer: handle, source: interface)
        pcap_set_snaplen(handle, snapshotLength)
        if let bufferSize { pcap_set_buffer_size(handle, bufferSize) }
        pcap_set_promisc(handle, promiscuous ? 1 : 0)
        pcap_set_timeout(handle, 100)
        pcap_set_immediate_mode(handle, 1)
        let status = pcap_activate(handle)
        if status < 0 {
            let cause = String(cString: pcap_geterr(handle))
            switch status {
            case PCAP_ERROR_PERM_DENIED, PCAP_ERROR_PROMISC_PERM_DENIED:
                throw CapdoError(
                    .capture,
                    "Cannot open interface '\(interface)' for capture: permission denied. Run as root or grant the "
                        + "capability: sudo setcap cap_net_raw,cap_net_admin=eip $(command -v capdo)",
                    cause: cause)
            case PCAP_ERROR_NO_SUCH_DEVICE:
                throw CapdoError(.capture, "No network interface named '\(interface)' (see 'ip link').", cause: cause)
            case PCAP_ERROR_IFACE_NOT_UP:
                throw CapdoError(.capture, "Interface '\(interface)' is down; bring it up first.", cause: cause)
            default:
                throw CapdoError(.capture, "Cannot start capture on '\(interface)'.", cause: cause)
            }
        }
        if let filter { try wrapper.setFilter(filter) }
        guard pcap_setnonblock(handle, 1, &errbuf) == 0 else {
            throw CapdoError(
                .capture, "Cannot make the capture on '\(interface)' non-blocking.", cause: Self.string(errbuf))
        }
        return wrapper
    }

    /// Validates a BPF filter without any privilege (a dead Ethernet handle).
    static func validate(filter: String) throws {
        guard let dead = pcap_open_dead(DLT_EN10MB, 65_535) else { return }
        let wrapper = PcapHandle(pointer: dead, source: "filter")
        try wrapper.setFilter(filter, install: false)
    }

    func setFilter(_ filter: String, install: Bool = true) throws {
        var program = bpf_program()
        guard pcap_compile(pointer, &program, filter, 1, PCAP_NETMASK_UNKNOWN) == 0 else {
            throw CapdoError(
                .usage, "Invalid capture filter '\(filter)'.", cause: String(cString: pcap_geterr(pointer)))
        }
        defer { pcap_freecode(&program) }
        if install, pcap_setfilter(pointer, &program) != 0 {
            throw CapdoError(
                .capture, "Cannot install capture filter '\(filter)'.", cause: String(cString: pcap_geterr(pointer)))
        }
    }

    /// The DLT link type value (`pcap_datalink`).
    var linkType: Int32 { pcap_datalink(pointer) }

    var linkTypeName: String {
        if let name = pcap_datalink_val_to_name(linkType) { return String(cString: name) }
        return "DLT \(linkType)"
    }

    var snapshotLength: Int { Int(pcap_snapshot(pointer)) }

    /// Starts writing every packet passed to `dump` into a pcap file.
    func startDump(path: String) throws {
        guard let dumper = pcap_dump_open(pointer, path) else {
            throw CapdoError(
                .output, "Cannot write capture file '\(path)'.", cause: String(cString: pcap_geterr(pointer)))
        }
        self.dumper = dumper
    }

    /// Reads packets until the end of the file, an error, or (live) `deadline` or `stop` returning true.
    /// Returns nil at a clean end, else libpcap's message (truncated file, bad record, read error); reading a file,
    /// the message ends with the byte offset of the block or record that could not be read.
    func read<Sink: PacketSink>(
        until deadline: Date? = nil, stop: () -> Bool = { false }, into sink: inout Sink
    ) -> String? {
        if deadline == nil, dumper == nil, let records {
            // Regular records read in large blocks; the first irregular one (and all after it) is read by libpcap
            // from that offset, so its checks and messages apply unchanged.
            guard let resume = records.read(snapshot: UInt32(clamping: pcap_snapshot(pointer)), into: &sink) else {
                return nil
            }
            guard let file = pcap_file(pointer), fseeko(file, off_t(resume), SEEK_SET) == 0 else {
                return "cannot seek in the capture file"
            }
        }
        var header: UnsafeMutablePointer<pcap_pkthdr>?
        var data: UnsafePointer<u_char>?
        let fd = deadline == nil ? -1 : pcap_get_selectable_fd(pointer)
        // On a busy live interface packets never stop coming: look at the clock every 256 packets too.
        var sinceCheck = 0
        let file = deadline == nil ? pcap_file(pointer) : nil
        var offset: off_t = -1
        while true {
            if let file { offset = ftello(file) }
            let status = pcap_next_ex(pointer, &header, &data)
            if status == 1, let header, let data {
                let head = header.pointee
                if let dumper {
                    pcap_dump(UnsafeMutableRawPointer(dumper).assumingMemoryBound(to: u_char.self), header, data)
                }
                let record = PacketRecord(
                    seconds: Int(head.ts.tv_sec), microseconds: Int(head.ts.tv_usec), length: Int(head.len),
                    bytes: UnsafeRawBufferPointer(start: data, count: Int(head.caplen)))
                sink.consume(record)
                if let deadline {
                    sinceCheck += 1
                    if sinceCheck == 256 {
                        sinceCheck = 0
                        if deadline.timeIntervalSinceNow <= 0 || stop() { return nil }
                    }
                }
                continue
            }
            if status == 0 {
                guard let deadline else { continue }
                let remaining = deadline.timeIntervalSinceNow
                if remaining <= 0 || stop() { return nil }
                var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                _ = poll(&poller, 1, Int32(min(remaining, 0.1) * 1000) + 1)
                continue
            }
            if status == -2 { return nil }
            let message = String(cString: pcap_geterr(pointer))
            return offset >= 0 ? "\(message) (block or record at byte \(offset))" : message
        }
    }

    /// Reads the packets already waiting (at most `limit`) without blocking; nil, or libpcap's message on error.
    /// Needs a non-blocking handle (`openLive`).
    func readAvailable<Sink: PacketSink>(limit: Int, into sink: inout Sink) -> String? {
        var header: UnsafeMutablePointer<pcap_pkthdr>?
        var data: UnsafePointer<u_char>?
        for _ in 0..<limit {
            let status = pcap_next_ex(pointer, &header, &data)
            guard status == 1, let header, let data else {
                if status == 0 || status == -2 { return nil }
                return String(cString: pcap_geterr(pointer))
            }
            let head = header.pointee
            sink.consume(
                PacketRecord(
                    seconds: Int(head.ts.tv_sec), microseconds: Int(head.ts.tv_usec), length: Int(head.len),
                    bytes: UnsafeRawBufferPointer(start: data, count: Int(head.caplen))))
        }
        return nil
    }

    /// Waits at most `milliseconds` for a packet to read (poll on the selectable descriptor).
    func waitForPackets(milliseconds: Int32) {
        var poller = pollfd(fd: pcap_get_selectable_fd(pointer), events: Int16(POLLIN), revents: 0)
        _ = poll(&poller, 1, max(0, milliseconds))
    }

    /// Flushes the dump file (if any).
    func flushDump() {
        if let dumper { pcap_dump_flush(dumper) }
    }

    /// Sends one raw frame (`pcap_inject`); returns the bytes sent or throws with libpcap's message.
    @discardableResult
    func inject(_ frame: [UInt8]) throws -> Int {
        let sent = frame.withUnsafeBytes { pcap_inject(pointer, $0.baseAddress, $0.count) }
        guard sent >= 0 else {
            throw CapdoError(
                .capture, "Cannot send a packet on '\(source)'.", cause: String(cString: pcap_geterr(pointer)))
        }
        return Int(sent)
    }

    /// Sends one raw frame; false when the interface queue is full (ENOBUFS/EAGAIN: wait and send it again),
    /// throws on any other failure.
    func injectUnlessBusy(_ frame: [UInt8]) throws -> Bool {
        let sent = frame.withUnsafeBytes { pcap_inject(pointer, $0.baseAddress, $0.count) }
        if sent >= 0 { return true }
        let error = errno
        let message = String(cString: pcap_geterr(pointer))
        if error == ENOBUFS || error == EAGAIN || message.contains("No buffer space")
            || message.contains("Resource temporarily unavailable")
        {
            return false
        }
        throw CapdoError(.capture, "Cannot send a packet on '\(source)'.", cause: message)
    }

    /// Packets the kernel dropped (live capture), when libpcap can tell.
    var droppedPackets: Int? {
        var stats = pcap_stat()
        guard pcap_stats(pointer, &stats) == 0 else { return nil }
        return Int(stats.ps_drop)
    }

    private static func string(_ errbuf: [CChar]) -> String {
        errbuf.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
