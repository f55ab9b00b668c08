@testable import CapdoNet
import FuzzSupport

/// Link types the decoder accepts; the first input byte picks one.
let linkTypes: [Int32] = [1, 113, 276, 0, 108, 12, 14, 228, 229]

/// Packets straight into the LAN analyser (no pcap framing): byte 0 picks the link type, then each packet is a
/// 2-byte big-endian length and that many bytes. All packets of one input share one analyser, so sessions
/// (FTP, Telnet, SMTP logins) spanning packets are reached.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPackets(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = FuzzInput.bytes(start, count)
    guard let first = bytes.first else { return 0 }
    var analyzer = LanAnalyzer(segment: "fuzz", mode: "pcap")
    guard analyzer.setLinkType(linkTypes[Int(first) % linkTypes.count], name: "fuzz") else { return 0 }
    var offset = 1
    var second = 0
    while offset + 2 <= bytes.count {
        let length = min(Int(bytes[offset]) << 8 | Int(bytes[offset + 1]), bytes.count - offset - 2)
        let packet = UnsafeRawBufferPointer(rebasing: bytes[(offset + 2)..<(offset + 2 + length)])
        second += 1
        analyzer.consume(PacketRecord(seconds: second, microseconds: 0, length: length, bytes: packet))
        offset += 2 + length
    }
    _ = analyzer.facts()
    return 0
}
