/// Counts one protocol of interest and remembers a few of its senders and receivers.
/// Addresses are kept as `IPAddress` (text only when the facts are built): no string per packet.
struct ProtocolTally {
    static let limit = 20
    var packets = 0
    var firstPacket = 0
    var sources: Set<IPAddress> = []
    var destinations: Set<IPAddress> = []

    mutating func add(packet: Int, source: IPAddress?, destination: IPAddress?) {
        packets += 1
        if firstPacket == 0 { firstPacket = packet }
        if let source, sources.count < Self.limit { sources.insert(source) }
        if let destination, destinations.count < Self.limit { destinations.insert(destination) }
    }

    /// The protocols of interest, in one table indexed by case (no string hashing per packet).
    enum Name: Int, CaseIterable {
        case arp, vrrp, telnet, ftp, syslog, tftp, ntp, hsrp, mdns, llmnr, nbns, dns, dhcp, smb1, snmp

        var text: String {
            switch self {
            case .arp: return "arp"
            case .vrrp: return "vrrp"
            case .telnet: return "telnet"
            case .ftp: return "ftp"
            case .syslog: return "syslog"
            case .tftp: return "tftp"
            case .ntp: return "ntp"
            case .hsrp: return "hsrp"
            case .mdns: return "mdns"
            case .llmnr: return "llmnr"
            case .nbns: return "nbns"
            case .dns: return "dns"
            case .dhcp: return "dhcp"
            case .smb1: return "smb1"
            case .snmp: return "snmp"
            }
        }
    }
}
