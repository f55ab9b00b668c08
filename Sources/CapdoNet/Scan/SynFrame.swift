/// One TCP SYN probe as an Ethernet frame: IPv4 + TCP (58 bytes) or IPv6 + TCP (78 bytes); TCP carries one MSS
/// option, as nmap's does.
struct SynFrame: Equatable {
    var sourceMAC: UInt64
    var destinationMAC: UInt64
    /// Both of the same family; it picks the IP header.
    var source: IPAddress
    var destination: IPAddress
    var sourcePort: UInt16
    var destinationPort: UInt16
    /// The per-probe cookie (`SynCookie`): a reply acknowledges `sequence + 1`.
    var sequence: UInt32
    var identification: UInt16 = 0
    var window: UInt16 = 1024
    var maximumSegmentSize: UInt16 = 1460
    var ttl: UInt8 = 64

    static let tcpLength = 24
    static let length = 14 + 20 + tcpLength
    static let lengthV6 = 14 + 40 + tcpLength

    /// The frame bytes with every checksum filled in.
    var bytes: [UInt8] {
        var frame = [UInt8]()
        frame.reserveCapacity(Self.lengthV6)
        Self.appendIPHeader(
            source: source, destination: destination, nextHeader: 6, payloadLength: Self.tcpLength,
            sourceMAC: sourceMAC, destinationMAC: destinationMAC, identification: identification, ttl: ttl,
            to: &frame)
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
        Self.fillChecksum(at: tcp + 16, of: &frame, from: tcp, source: source, destination: destination, nextHeader: 6)
        return frame
    }

    /// Appends the Ethernet header and an IPv4 (with its header checksum) or IPv6 header for a payload of
    /// `payloadLength` bytes of protocol `nextHeader`.
    static func appendIPHeader(
        source: IPAddress, destination: IPAddress, nextHeader: UInt8, payloadLength: Int, sourceMAC: UInt64,
        destinationMAC: UInt64, identification: UInt16 = 0, ttl: UInt8, to frame: inout [UInt8]
    ) {
        append48(destinationMAC, to: &frame)
        append48(sourceMAC, to: &frame)
        if destination.isV6 {
            // IPv6: version 6, traffic class and flow label 0, payload length, next header, hop limit, addresses.
            append16(0x86DD, to: &frame)
            frame += [0x60, 0, 0, 0]
            append16(UInt16(payloadLength), to: &frame)
            frame += [nextHeader, ttl]
            appendAddress(source, to: &frame)
            appendAddress(destination, to: &frame)
            return
        }
        // IPv4: version 4, IHL 5, DSCP 0, total length, id, DF flag, TTL, protocol, checksum, addresses.
        append16(0x0800, to: &frame)
        let ip = frame.count
        frame += [0x45, 0]
        append16(UInt16(20 + payloadLength), to: &frame)
        append16(identification, to: &frame)
        append16(0x4000, to: &frame)
        frame += [ttl, nextHeader, 0, 0]
        appendAddress(source, to: &frame)
        appendAddress(destination, to: &frame)
        let checksum = InternetChecksum.ipv4Header(frame[ip..<ip + 20])
        frame[ip + 10] = UInt8(checksum >> 8)
        frame[ip + 11] = UInt8(checksum & 0xFF)
    }

    /// Stores at `field` the checksum of `frame[start...]` over its pseudo-header.
    static func fillChecksum(
        at field: Int, of frame: inout [UInt8], from start: Int, source: IPAddress, destination: IPAddress,
        nextHeader: UInt8
    ) {
        let checksum = PseudoHeaderChecksum.compute(
            source: source, destination: destination, nextHeader: nextHeader, segment: frame[start...])
        frame[field] = UInt8(checksum >> 8)
        frame[field + 1] = UInt8(checksum & 0xFF)
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

    /// Four bytes for IPv4, sixteen for IPv6, network order.
    static func appendAddress(_ address: IPAddress, to frame: inout [UInt8]) {
        guard address.isV6 else { return append32(UInt32(truncatingIfNeeded: address.low), to: &frame) }
        for word in [address.high, address.low] {
            for shift in stride(from: 56, through: 0, by: -8) { frame.append(UInt8(word >> UInt64(shift) & 0xFF)) }
        }
    }
}
