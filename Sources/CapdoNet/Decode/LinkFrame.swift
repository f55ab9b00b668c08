/// The link-layer frames capdo reads besides IP and ARP: the payload of the packet is their protocol data unit.
enum LinkFrame: UInt8 {
    case none
    /// EtherType 0x88cc.
    case lldp
    /// LLC 0x42/0x42: spanning tree BPDU (STP, RSTP, MSTP).
    case stp
    /// SNAP 00-00-0c / 0x2000: Cisco Discovery Protocol.
    case cdp
    /// SNAP 00-00-0c / 0x010b: Cisco per-VLAN spanning tree (a BPDU, with the VLAN in a TLV after it).
    case pvst
    /// Another SNAP frame (`linkKind` = OUI << 16 | protocol id).
    case snap
    /// Another 802.2 LLC frame (`linkKind` = DSAP << 8 | SSAP).
    case llc

    /// The name counted in `lan.link_frames` (other LLC and SNAP frames by their SAPs or OUI and protocol id).
    static func name(_ link: LinkFrame, kind: UInt64) -> String {
        func hex(_ value: UInt64, _ digits: Int) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: max(0, digits - text.count)) + text
        }
        switch link {
        case .none: return "none"
        case .lldp: return "lldp"
        case .stp: return "stp"
        case .cdp: return "cdp"
        case .pvst: return "pvst"
        case .snap:
            switch kind {
            case 0x000C_2003: return "vtp"
            case 0x000C_2004: return "dtp"
            case 0x000C_0111: return "udld"
            default: return "snap-\(hex(kind >> 16, 6))-\(hex(kind & 0xFFFF, 4))"
            }
        case .llc:
            switch kind >> 8 {
            case 0xE0: return "ipx"
            case 0xF0: return "netbios"
            case 0xFE: return "osi"
            default: return "llc-\(hex(kind >> 8, 2))-\(hex(kind & 0xFF, 2))"
            }
        }
    }
}
