/// One TCP SYN probe as an Ethernet + IPv4 + TCP frame (58 bytes: TCP carries one MSS option, as nmap's does).
struct SynFrame: Equatable {
    var sourceMAC: UInt64
    var destinationMAC: UInt64
    var source: UInt32
    var destination: UInt32
    var sourcePort: UInt16
    var destinationPort: UInt16
    /// The per-probe cookie (`SynCookie`): a reply acknowledges `sequence + 1`.
    var sequence: UInt32
    var identification: UInt16 = 0
    var window: UInt16 = 1024
    var maximumSegmentSize: UInt16 = 1460
    var ttl: UInt8 = 64

    static let length = 14 + 20 + 24

    /// The frame bytes with both checksums filled in.
    var bytes: [UInt8] {
        var frame = [UInt8]()
        frame.reserveCapacity(Self.length)
        Self.append48(destinationMAC, to: &frame)
        Self.append48(sourceMAC, to: &frame)
        Self.append16(0x0800, to: &frame)
        // IPv4: version 4, IHL 5, DSCP 0, total length, id, DF flag, TTL, protocol 6, checksum, addresses.
        let ip = frame.count
        frame += [0x45, 0]
        Self.append16(20 + 24, to: &frame)
        Self.append16(identification, to: &frame)
        Self.append16(0x4000, to: &frame)
        frame += [ttl, 6, 0, 0]
        Self.append32(source, to: &frame)
        Self.append32(destination, to: &frame)
        let ipChecksum = InternetChecksum.ipv4Header(frame[ip..<ip + 20])
        frame[ip + 10] = UInt8(ipChecksum >> 8)
        frame[ip + 11] = UInt8(ipChecksum & 0xFF)
        // TCP: ports, sequence, ack 0, data offset 6 words, SYN, window, checksum, urgent 0, MSS option.
        let tcp = frame.count
        Self.append16(sourcePort, to: &frame)
        Self.append16(destinationPort, to: &frame)
        Self.append32(sequence, to: &frame)
        Self.append32(0, to: &frame)
        frame += [0x60, 0x02]
        Self.append16(window, to: &frame)
        frame += [0, 0, 0, 0, 2, 4]
        Self.append16(maximumSegmentSize, to: &frame)
        let tcpChecksum = InternetChecksum.tcp(source: source, destination: destination, segment: frame[tcp...])
        frame[tcp + 16] = UInt8(tcpChecksum >> 8)
        frame[tcp + 17] = UInt8(tcpChecksum & 0xFF)
        return frame
    }

    static func append16(_ value: UInt16, to frame: inout [UInt8]) {
        frame += [UInt8(value >> 8), UInt8(value & 0xFF)]
    }

    static func append32(_ value: UInt32, to frame: inout [UInt8]) {
        frame += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    static func append48(_ value: UInt64, to frame: inout [UInt8]) {
        for shift in stride(from: 40, through: 0, by: -8) { frame.append(UInt8(value >> UInt64(shift) & 0xFF)) }
    }
}
