/// Why a packet was not decoded down to its transport layer; counted in `lan.counters.skipped`.
enum SkipReason: Int, CaseIterable {
    case truncatedLink, unsupportedEthertype, nonIPFamily, truncatedIPv4, badIPv4Header, truncatedIPv6
    case badIPVersion, ipv6HeaderChain, truncatedTCP, badTCPHeader, truncatedUDP, truncatedICMP, truncatedARP
    case unsupportedLinkType

    /// Malformed (cut short or inconsistent) rather than simply not of interest.
    var isMalformed: Bool {
        switch self {
        case .unsupportedEthertype, .nonIPFamily, .unsupportedLinkType: return false
        default: return true
        }
    }

    var key: String {
        switch self {
        case .truncatedLink: return "truncated_link_header"
        case .unsupportedEthertype: return "unsupported_ethertype"
        case .nonIPFamily: return "non_ip_family"
        case .truncatedIPv4: return "truncated_ipv4"
        case .badIPv4Header: return "bad_ipv4_header"
        case .truncatedIPv6: return "truncated_ipv6"
        case .badIPVersion: return "bad_ip_version"
        case .ipv6HeaderChain: return "bad_ipv6_extension_header"
        case .truncatedTCP: return "truncated_tcp"
        case .badTCPHeader: return "bad_tcp_header"
        case .truncatedUDP: return "truncated_udp"
        case .truncatedICMP: return "truncated_icmp"
        case .truncatedARP: return "truncated_arp"
        case .unsupportedLinkType: return "unsupported_link_type"
        }
    }
}
