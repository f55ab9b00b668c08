/// Decodes link, network and transport headers, checking every length before reading (no allocation).
struct PacketDecoder {
    let linkType: LinkType

    init?(dlt: Int32) {
        guard let type = LinkType(rawValue: dlt) else { return nil }
        linkType = type
    }

    /// Fills `packet` from `bytes`; returns nil when fully decoded, else the reason it stopped.
    func decode(_ bytes: UnsafeRawBufferPointer, into packet: inout DecodedPacket) -> SkipReason? {
        packet = DecodedPacket()
        let count = bytes.count
        var offset = 0
        var ethertype: UInt16 = 0
        switch linkType {
        case .ethernet:
            guard count >= 14 else { return .truncatedLink }
            packet.destinationMAC = mac(bytes, 0)
            packet.sourceMAC = mac(bytes, 6)
            packet.hasMAC = true
            ethertype = u16(bytes, 12)
            offset = 14
            if ethertype == 0x8100 || ethertype == 0x88A8 || ethertype == 0x9100 {
                guard let next = decodeTags(bytes, &offset, ethertype, into: &packet) else { return .truncatedLink }
                ethertype = next
            }
            if ethertype < 0x0600 {
                // 802.3: a length, and an 802.2 LLC header follows (it bounds the PDU; padding is not part of it).
                return decodeLLC(bytes, offset, min(count, offset + Int(ethertype)), into: &packet)
            }
        case .linuxSLL:
            guard count >= 16 else { return .truncatedLink }
            if u16(bytes, 2) == 1 && u16(bytes, 4) == 6 {
                packet.sourceMAC = mac(bytes, 6)
                packet.hasMAC = true
            }
            ethertype = u16(bytes, 14)
            offset = 16
        case .linuxSLL2:
            guard count >= 20 else { return .truncatedLink }
            ethertype = u16(bytes, 0)
            if u16(bytes, 8) == 1 && bytes[11] == 6 {
                packet.sourceMAC = mac(bytes, 12)
                packet.hasMAC = true
            }
            offset = 20
        case .null, .loop:
            guard count >= 4 else { return .truncatedLink }
            let raw = bytes.loadUnaligned(fromByteOffset: 0, as: UInt32.self)
            let family = linkType == .loop ? UInt32(bigEndian: raw) : (raw > 0xFFFF ? raw.byteSwapped : raw)
            switch family {
            case 2: ethertype = 0x0800
            case 10, 24, 28, 30: ethertype = 0x86DD
            default: return .nonIPFamily
            }
            offset = 4
        case .raw, .raw14, .ipv4, .ipv6:
            guard count >= 1 else { return .truncatedLink }
            ethertype = bytes[0] >> 4 == 6 ? 0x86DD : 0x0800
        }
        switch ethertype {
        case 0x0800: return decodeIPv4(bytes, offset, into: &packet)
        case 0x86DD: return decodeIPv6(bytes, offset, into: &packet)
        case 0x0806: return decodeARP(bytes, offset, into: &packet)
        case 0x88CC:
            packet.link = .lldp
            packet.payloadOffset = offset
            packet.payloadLength = count - offset
            return nil
        // Linux cooked captures give 802.2 frames the pseudo-protocol ETH_P_802_2.
        case 0x0004: return decodeLLC(bytes, offset, count, into: &packet)
        default: return .unsupportedEthertype
        }
    }

    /// Reads up to four 802.1Q/802.1ad tags from `offset` (which it moves past them); the EtherType after them, or
    /// nil when the frame ends inside them.
    private func decodeTags(
        _ bytes: UnsafeRawBufferPointer, _ offset: inout Int, _ first: UInt16, into packet: inout DecodedPacket
    ) -> UInt16? {
        var ethertype = first
        packet.serviceTag = first == 0x88A8 || first == 0x9100
        var tags: UInt8 = 0
        while ethertype == 0x8100 || ethertype == 0x88A8 || ethertype == 0x9100 {
            guard tags < 4, bytes.count >= offset + 4 else { return nil }
            let id = u16(bytes, offset) & 0x0FFF
            if tags == 0 { packet.outerVLAN = id } else if tags == 1 { packet.innerVLAN = id }
            tags += 1
            ethertype = u16(bytes, offset + 2)
            offset += 4
        }
        packet.vlanTags = tags
        return ethertype
    }

    /// An 802.2 LLC frame from `offset` to `end`: spanning tree, SNAP (CDP, PVST+, …) or another SAP pair.
    private func decodeLLC(
        _ bytes: UnsafeRawBufferPointer, _ offset: Int, _ end: Int, into packet: inout DecodedPacket
    ) -> SkipReason? {
        guard end >= offset + 3 else { return .truncatedLink }
        let dsap = bytes[offset], ssap = bytes[offset + 1]
        // Unnumbered frames have a one-byte control field, information and supervisory frames two.
        var start = offset + (bytes[offset + 2] & 0x03 == 0x03 ? 3 : 4)
        if dsap == 0xAA && ssap == 0xAA {
            guard end >= offset + 8 else { return .truncatedLink }
            let kind = UInt64(u32(bytes, offset + 2) & 0xFF_FFFF) << 16 | UInt64(u16(bytes, offset + 6))
            packet.linkKind = kind
            packet.link = kind == 0x000C_2000 ? .cdp : kind == 0x000C_010B ? .pvst : .snap
            start = offset + 8
        } else {
            packet.linkKind = UInt64(dsap) << 8 | UInt64(ssap)
            packet.link = dsap == 0x42 && ssap == 0x42 ? .stp : .llc
        }
        guard end >= start else { return .truncatedLink }
        packet.payloadOffset = start
        packet.payloadLength = end - start
        return nil
    }

    private func decodeARP(_ bytes: UnsafeRawBufferPointer, _ offset: Int, into packet: inout DecodedPacket)
        -> SkipReason?
    {
        guard bytes.count >= offset + 28 else { return .truncatedARP }
        packet.network = .arp
        guard u16(bytes, offset) == 1, u16(bytes, offset + 2) == 0x0800, bytes[offset + 4] == 6, bytes[offset + 5] == 4
        else {
            return nil
        }
        packet.arpOperation = u16(bytes, offset + 6)
        packet.arpSenderMAC = mac(bytes, offset + 8)
        packet.arpSenderIP = u32(bytes, offset + 14)
        return nil
    }

    private func decodeIPv4(_ bytes: UnsafeRawBufferPointer, _ offset: Int, into packet: inout DecodedPacket)
        -> SkipReason?
    {
        guard bytes.count >= offset + 20 else { return .truncatedIPv4 }
        let first = bytes[offset]
        guard first >> 4 == 4 else { return .badIPVersion }
        let headerLength = Int(first & 0x0F) * 4
        let totalLength = Int(u16(bytes, offset + 2))
        guard headerLength >= 20, totalLength >= headerLength else { return .badIPv4Header }
        guard bytes.count >= offset + headerLength else { return .truncatedIPv4 }
        packet.network = .ipv4
        packet.source = .v4(u32(bytes, offset + 12))
        packet.destination = .v4(u32(bytes, offset + 16))
        packet.ipProtocol = bytes[offset + 9]
        let fragment = u16(bytes, offset + 6)
        packet.isFragment = fragment & 0x3FFF != 0
        packet.laterFragment = fragment & 0x1FFF != 0
        // Ethernet padding: the IP total length bounds the payload.
        let end = min(bytes.count, offset + totalLength)
        if packet.laterFragment { return nil }
        return decodeTransport(bytes, offset + headerLength, end, into: &packet)
    }

    private func decodeIPv6(_ bytes: UnsafeRawBufferPointer, _ offset: Int, into packet: inout DecodedPacket)
        -> SkipReason?
    {
        guard bytes.count >= offset + 40 else { return .truncatedIPv6 }
        guard bytes[offset] >> 4 == 6 else { return .badIPVersion }
        packet.network = .ipv6
        packet.source = IPAddress(high: u64(bytes, offset + 8), low: u64(bytes, offset + 16), isV6: true)
        packet.destination = IPAddress(high: u64(bytes, offset + 24), low: u64(bytes, offset + 32), isV6: true)
        let end = min(bytes.count, offset + 40 + Int(u16(bytes, offset + 4)))
        var next = bytes[offset + 6]
        var cursor = offset + 40
        var headers = 0
        while true {
            switch next {
            case 0, 43, 60, 135, 139, 140:
                guard end >= cursor + 8 else { return .ipv6HeaderChain }
                let length = (Int(bytes[cursor + 1]) + 1) * 8
                guard end >= cursor + length else { return .ipv6HeaderChain }
                next = bytes[cursor]
                cursor += length
            case 44:
                guard end >= cursor + 8 else { return .ipv6HeaderChain }
                packet.isFragment = true
                next = bytes[cursor]
                if u16(bytes, cursor + 2) & 0xFFF8 != 0 { packet.laterFragment = true }
                cursor += 8
            case 51:
                guard end >= cursor + 8 else { return .ipv6HeaderChain }
                let length = (Int(bytes[cursor + 1]) + 2) * 4
                guard end >= cursor + length else { return .ipv6HeaderChain }
                next = bytes[cursor]
                cursor += length
            default:
                packet.ipProtocol = next
                if packet.laterFragment { return nil }
                return decodeTransport(bytes, cursor, end, into: &packet)
            }
            headers += 1
            if headers > 8 { return .ipv6HeaderChain }
        }
    }

    private func decodeTransport(
        _ bytes: UnsafeRawBufferPointer, _ offset: Int, _ end: Int, into packet: inout DecodedPacket
    ) -> SkipReason? {
        switch packet.ipProtocol {
        case 6:
            guard end >= offset + 20 else { return .truncatedTCP }
            let headerLength = Int(bytes[offset + 12] >> 4) * 4
            guard headerLength >= 20 else { return .badTCPHeader }
            guard end >= offset + headerLength else { return .truncatedTCP }
            packet.sourcePort = u16(bytes, offset)
            packet.destinationPort = u16(bytes, offset + 2)
            packet.tcpFlags = bytes[offset + 13]
            packet.tcpAcknowledgement = u32(bytes, offset + 8)
            packet.tcpSequence = u32(bytes, offset + 4)
            packet.payloadOffset = offset + headerLength
            packet.payloadLength = end - packet.payloadOffset
        case 17:
            guard end >= offset + 8 else { return .truncatedUDP }
            packet.sourcePort = u16(bytes, offset)
            packet.destinationPort = u16(bytes, offset + 2)
            packet.payloadOffset = offset + 8
            packet.payloadLength = end - packet.payloadOffset
        case 1, 58:
            guard end >= offset + 4 else { return .truncatedICMP }
            packet.payloadOffset = offset
            packet.payloadLength = end - offset
        default:
            packet.payloadOffset = offset
            packet.payloadLength = max(0, end - offset)
        }
        packet.hasTransport = true
        return nil
    }

    @inline(__always) private func u16(_ b: UnsafeRawBufferPointer, _ o: Int) -> UInt16 {
        UInt16(bigEndian: b.loadUnaligned(fromByteOffset: o, as: UInt16.self))
    }

    @inline(__always) private func u32(_ b: UnsafeRawBufferPointer, _ o: Int) -> UInt32 {
        UInt32(bigEndian: b.loadUnaligned(fromByteOffset: o, as: UInt32.self))
    }

    @inline(__always) private func u64(_ b: UnsafeRawBufferPointer, _ o: Int) -> UInt64 {
        UInt64(bigEndian: b.loadUnaligned(fromByteOffset: o, as: UInt64.self))
    }

    @inline(__always) private func mac(_ b: UnsafeRawBufferPointer, _ o: Int) -> UInt64 {
        UInt64(u16(b, o)) << 32 | UInt64(u32(b, o + 2))
    }
}
