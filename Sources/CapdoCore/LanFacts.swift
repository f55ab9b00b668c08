import Foundation

/// What `capdo lan` saw on a network segment: hosts, services, cleartext credentials (always redacted),
/// DHCP servers, ARP conflicts and protocols of interest (docs/facts.md, `lan`).
public struct LanFacts: Codable, Sendable, Equatable {
    /// The capture file name, `interface:IF`, or `scan:TARGETS`: names the pseudo-host in reports.
    public var segment: String
    /// `pcap`, `interface` or `scan` (several joined with `+`).
    public var mode: String
    /// libpcap link type name of the capture (`EN10MB`, `LINUX_SLL2`, …); nil for an active scan.
    public var linkType: String?
    public var firstPacketTime: Date?
    public var lastPacketTime: Date?
    public var hosts: [LanHost]
    public var services: [LanService]
    public var credentials: [LanCredential]
    public var dhcpServers: [LanDhcpServer]
    public var arpConflicts: [LanArpConflict]
    /// VRRP, HSRP, syslog, NTP, SMB1, TFTP, Telnet, SNMP, DNS, mDNS, LLMNR, NBNS: who was seen using them.
    public var protocolsSeen: [LanProtocolSeen]
    public var counters: LanCounters
    /// Active scan parameters, when one ran.
    public var scan: LanScanInfo?
    /// VLANs seen in 802.1Q/802.1ad tags; nil for an active scan or a snapshot from an older version.
    public var vlans: [LanVlan]?
    /// LLDP and CDP neighbours (which switch and port the sensor is on).
    public var neighbours: [LanNeighbour]?
    /// Spanning tree root bridges claimed in BPDUs.
    public var spanningTreeRoots: [LanSpanningTreeRoot]?
    /// Link-layer frames that are neither IP nor ARP, by kind (`lldp`, `stp`, `cdp`, `dtp`, `llc-e0-e0`, …).
    public var linkFrames: [String: Int]?
    /// IPv6 routers that sent router advertisements.
    public var routerAdvertisements: [LanRouterAdvertisement]?
    /// Login pages served over HTTP (a `type=password` field in a cleartext response); nil when none.
    public var httpLoginPages: [LanHttpLoginPage]?
    /// MACs seen without an address of their own (not in `hosts`); nil when none.
    public var macOnly: [LanMACOnly]?
    /// The OUI registry vendors were read from (`/usr/share/ieee-data`), nil when it was not installed.
    public var vendorRegistry: String?
    /// The DHCP servers capdo.yaml declares legitimate (`lan: { dhcp_servers: […] }`); nil when none are.
    public var declaredDhcpServers: [String]?

    public init(
        segment: String, mode: String, linkType: String? = nil, firstPacketTime: Date? = nil,
        lastPacketTime: Date? = nil,
        hosts: [LanHost] = [], services: [LanService] = [], credentials: [LanCredential] = [],
        dhcpServers: [LanDhcpServer] = [], arpConflicts: [LanArpConflict] = [], protocolsSeen: [LanProtocolSeen] = [],
        counters: LanCounters = LanCounters(), scan: LanScanInfo? = nil, vlans: [LanVlan]? = nil,
        neighbours: [LanNeighbour]? = nil, spanningTreeRoots: [LanSpanningTreeRoot]? = nil,
        linkFrames: [String: Int]? = nil, routerAdvertisements: [LanRouterAdvertisement]? = nil
    ) {
        self.segment = segment
        self.mode = mode
        self.linkType = linkType
        self.firstPacketTime = firstPacketTime
        self.lastPacketTime = lastPacketTime
        self.hosts = hosts
        self.services = services
        self.credentials = credentials
        self.dhcpServers = dhcpServers
        self.arpConflicts = arpConflicts
        self.protocolsSeen = protocolsSeen
        self.counters = counters
        self.scan = scan
        self.vlans = vlans
        self.neighbours = neighbours
        self.spanningTreeRoots = spanningTreeRoots
        self.linkFrames = linkFrames
        self.routerAdvertisements = routerAdvertisements
    }

    enum CodingKeys: String, CodingKey {
        case segment, mode
        case linkType = "link_type"
        case firstPacketTime = "first_packet_time"
        case lastPacketTime = "last_packet_time"
        case hosts, services, credentials
        case dhcpServers = "dhcp_servers"
        case arpConflicts = "arp_conflicts"
        case protocolsSeen = "protocols_seen"
        case counters, scan
        case vlans, neighbours
        case spanningTreeRoots = "spanning_tree_roots"
        case linkFrames = "link_frames"
        case routerAdvertisements = "router_advertisements"
        case httpLoginPages = "http_login_pages"
        case macOnly = "mac_only"
        case vendorRegistry = "vendor_registry"
        case declaredDhcpServers = "declared_dhcp_servers"
    }
}
