/// `capdo lan --scan`: how `--targets` are probed.
public enum ScanMethod: String, CaseIterable, Sendable {
    /// Full TCP connects: any user, IPv4 and IPv6, loopback included.
    case connect
    /// Half-open SYN probes over libpcap: root or CAP_NET_RAW, IPv4 and IPv6 on Ethernet, not loopback.
    case syn
}
