/// An ICMPv6 Neighbour Solicitation (RFC 4861 § 4.3) for one target, sent to its solicited-node multicast group,
/// and the reading of the Neighbour Advertisement that answers it.
struct NeighbourSolicitation: Equatable {
    var target: IPAddress
    /// Our address on the link: the advertisement is sent back to it.
    var source: IPAddress
    var sourceMAC: UInt64

    static let icmpLength = 32
    static let length = 14 + 40 + icmpLength

    /// ff02::1:ffXX:XXXX, the target's low 24 bits.
    var group: IPAddress {
        IPAddress(high: 0xFF02 << 48, low: 0x0000_0001_FF00_0000 | target.low & 0xFF_FFFF, isV6: true)
    }

    /// 33:33 and the group's low 32 bits (RFC 2464 § 7).
    var groupMAC: UInt64 { 0x3333_0000_0000 | group.low & 0xFFFF_FFFF }

    /// The frame: hop limit 255 (receivers drop anything else), the target, our link-layer address as an option so
    /// the target can answer (and send its SYN-ACKs) without soliciting us in turn.
    var bytes: [UInt8] {
        var frame: [UInt8] = []
        frame.reserveCapacity(Self.length)
        SynFrame.appendIPHeader(
            source: source, destination: group, nextHeader: 58, payloadLength: Self.icmpLength, sourceMAC: sourceMAC,
            destinationMAC: groupMAC, ttl: 255, to: &frame)
        let icmp = frame.count
        frame += [135, 0, 0, 0, 0, 0, 0, 0]
        SynFrame.appendAddress(target, to: &frame)
        frame += [1, 1]
        SynFrame.append48(sourceMAC, to: &frame)
        SynFrame.fillChecksum(at: icmp + 2, of: &frame, from: icmp, source: source, destination: group, nextHeader: 58)
        return frame
    }

    /// The (target, MAC) a Neighbour Advertisement in `packet` announces, or nil for anything else: not an ICMPv6
    /// type 136 code 0, not sent on the link itself, shorter than the fixed part, a malformed option, or a group/zero
    /// MAC. The MAC comes from the target link-layer address option, else (an answer to a unicast solicitation may
    /// omit it) from the frame.
    static func advertisement(in packet: DecodedPacket, bytes: UnsafeRawBufferPointer) -> (IPAddress, UInt64)? {
        guard packet.network == .ipv6, packet.ipProtocol == 58, packet.hasTransport, !packet.laterFragment,
            packet.payloadLength >= 24, packet.payloadOffset >= 0,
            packet.payloadOffset + packet.payloadLength <= bytes.count, isOnLink(packet, bytes: bytes)
        else { return nil }
        let start = packet.payloadOffset
        let end = start + packet.payloadLength
        guard bytes[start] == 136, bytes[start + 1] == 0 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for index in 0..<8 {
            high = high << 8 | UInt64(bytes[start + 8 + index])
            low = low << 8 | UInt64(bytes[start + 16 + index])
        }
        let target = IPAddress(high: high, low: low, isV6: true)
        var mac: UInt64? = packet.hasMAC ? packet.sourceMAC : nil
        var cursor = start + 24
        while cursor + 2 <= end {
            let kind = bytes[cursor]
            let size = Int(bytes[cursor + 1]) * 8
            // A zero-length option is invalid (RFC 4861 § 4.6): the whole message is dropped.
            guard size > 0, cursor + size <= end else { return nil }
            if kind == 2 && size == 8 {
                var value: UInt64 = 0
                for index in 2..<8 { value = value << 8 | UInt64(bytes[cursor + index]) }
                mac = value
            }
            cursor += size
        }
        guard let mac, isUnicast(mac), !target.isGroupOrUnspecified else { return nil }
        return (target, mac)
    }

    /// True when the ICMPv6 message directly follows an Ethernet frame's IPv6 header whose hop limit is 255. A
    /// router decrements the hop limit, so 255 proves the sender is on the link (RFC 4861 § 7.1.2: any other value
    /// is dropped). The header is found from the link layer (14 bytes and the VLAN tags), never from inside the
    /// packet, so extension headers cannot carry a forged one; an advertisement with extension headers is dropped.
    static func isOnLink(_ packet: DecodedPacket, bytes: UnsafeRawBufferPointer) -> Bool {
        let header = 14 + 4 * Int(packet.vlanTags)
        guard packet.hasMAC, header + 40 == packet.payloadOffset, bytes.count >= header + 40 else { return false }
        return bytes[header] >> 4 == 6 && bytes[header + 6] == 58 && bytes[header + 7] == 255
    }

    /// Not zero and not a group address: a MAC a probe may be sent to.
    static func isUnicast(_ mac: UInt64) -> Bool { mac != 0 && mac >> 40 & 1 == 0 }
}
