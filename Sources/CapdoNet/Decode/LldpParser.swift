import CapdoCore

/// Reads an LLDP data unit (IEEE 802.1AB): chassis id, port id, port description, system name, management
/// addresses and the 802.1 port VLAN id. Every TLV length is checked against the frame.
enum LldpParser {
    static func parse(_ pdu: UnsafeRawBufferPointer) -> LanNeighbour? {
        var neighbour = LanNeighbour(protocol: "lldp")
        var cursor = 0
        tlvs: while cursor + 2 <= pdu.count {
            let header = LinkText.u16(pdu, cursor)
            let type = header >> 9, length = header & 0x1FF
            let start = cursor + 2
            guard start + length <= pdu.count else { break }
            let value = UnsafeRawBufferPointer(rebasing: pdu[start..<(start + length)])
            switch type {
            case 0: break tlvs
            case 1: neighbour.chassisId = identifier(value, macSubtype: 4, addressSubtype: 5)
            case 2: neighbour.portId = identifier(value, macSubtype: 3, addressSubtype: 4)
            case 4: neighbour.portDescription = LinkText.text(value)
            case 5: neighbour.systemName = LinkText.text(value)
            case 8:
                // Address string length (subtype + address), subtype (address family), address, then interface data.
                guard length >= 2, Int(value[0]) >= 1, 1 + Int(value[0]) <= length else { break }
                let address = UnsafeRawBufferPointer(rebasing: value[2..<(1 + Int(value[0]))])
                if let text = LinkText.address(family: value[1], address),
                    neighbour.managementAddresses.count < 8, !neighbour.managementAddresses.contains(text)
                {
                    neighbour.managementAddresses.append(text)
                }
            case 127:
                // IEEE 802.1 organisationally specific TLV, subtype 1: port VLAN id.
                if length >= 6, value[0] == 0x00, value[1] == 0x80, value[2] == 0xC2, value[3] == 1 {
                    let vlan = LinkText.u16(value, 4)
                    if vlan != 0 { neighbour.vlan = vlan }
                }
            default: break
            }
            cursor = start + length
        }
        return neighbour.chassisId == nil && neighbour.portId == nil ? nil : neighbour
    }

    /// A chassis or port id: subtype byte, then a MAC address, a network address (family byte first) or a name.
    private static func identifier(_ value: UnsafeRawBufferPointer, macSubtype: UInt8, addressSubtype: UInt8)
        -> String?
    {
        guard value.count >= 2 else { return nil }
        let body = UnsafeRawBufferPointer(rebasing: value[1...])
        switch value[0] {
        case macSubtype where body.count == 6: return LinkText.mac(body)
        case addressSubtype where body.count >= 2:
            return LinkText.address(family: body[0], UnsafeRawBufferPointer(rebasing: body[1...]))
        default: return LinkText.text(body)
        }
    }
}
