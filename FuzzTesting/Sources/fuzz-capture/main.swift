import CapdoNet
import FuzzSupport

/// Capture files as `capdo lan --pcap` reads them: libpcap opens pcap or pcapng, capdo's mapped fast path and
/// libpcap read the records, and every packet goes through the decoders and the LAN analysis.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCapture(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let path = FuzzInput.write(FuzzInput.bytes(start, count), to: "capture.pcap")
    _ = try? CaptureReader.read(path: path)
    return 0
}
