import CapdoCore

/// Reads a Cisco Discovery Protocol frame (after its SNAP header): device id, port id, addresses, management
/// addresses and native VLAN. Every TLV length is checked against the frame.
enum CdpParser {
    static func parse(_ pdu: UnsafeRawBufferPointer) -> LanNeighbour? {
        guard pdu.count >= 4 else { return nil }
        var neighbour = LanNeighbour(protocol: "cdp")
        var cursor = 4  // version, time to live, checksum
        while cursor + 4 <= pdu.count {
            let type = LinkText.u16(pdu, cursor), length = LinkText.u16(pdu, cursor + 2)
            guard length >= 4, cursor + length <= pdu.count else { break }
            let value = UnsafeRawBufferPointer(rebasing: pdu[(cursor + 4)..<(cursor + length)])
            switch type {
            case 0x0001:
                neighbour.chassisId = LinkText.text(value)
                neighbour.systemName = neighbour.chassisId
            case 0x0002, 0x0016: addresses(value, into: &neighbour.managementAddresses)
            case 0x0003: neighbour.portId = LinkText.text(value)
            case 0x000A where value.count >= 2: neighbour.vlan = LinkText.u16(value, 0)
            default: break
            }
            cursor += length
        }
        return neighbour.chassisId == nil && neighbour.portId == nil ? nil : neighbour
    }

    /// An address list: a 32-bit count, then per address its protocol type and protocol (NLPID 0xcc: IPv4; 802.2
    /// ending in 0x86dd: IPv6), a 16-bit length and the address.
    private static func addresses(_ value: UnsafeRawBufferPointer, into list: inout [String]) {
        guard value.count >= 4 else { return }
        var cursor = 4
        while cursor + 2 <= value.count, list.count < 8 {
            let protocolLength = Int(value[cursor + 1])
            let lengthAt = cursor + 2 + protocolLength
            guard lengthAt + 2 <= value.count else { return }
            let addressLength = LinkText.u16(value, lengthAt)
            guard lengthAt + 2 + addressLength <= value.count else { return }
            let address = UnsafeRawBufferPointer(rebasing: value[(lengthAt + 2)..<(lengthAt + 2 + addressLength)])
            let protocolLast = protocolLength > 0 ? value[cursor + 1 + protocolLength] : 0
            let family: UInt8 = protocolLast == 0xCC ? 1 : protocolLast == 0xDD ? 2 : 0
            if let text = LinkText.address(family: family, address), !list.contains(text) { list.append(text) }
            cursor = lengthAt + 2 + addressLength
        }
    }
}
