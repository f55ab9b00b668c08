/// The headers of one packet, decoded without allocation; the payload is an offset into the packet bytes.
struct DecodedPacket {
    enum Network: UInt8 { case none, ipv4, ipv6, arp }

    var sourceMAC: UInt64 = 0
    var destinationMAC: UInt64 = 0
    var hasMAC = false
    var network: Network = .none
    var source = IPAddress(high: 0, low: 0, isV6: false)
    var destination = IPAddress(high: 0, low: 0, isV6: false)
    /// IP protocol / IPv6 next header after the extension headers (6 TCP, 17 UDP, 1 ICMP, 58 ICMPv6, 112 VRRP).
    var ipProtocol: UInt8 = 0
    var isFragment = false
    /// A non-first fragment: no transport header.
    var laterFragment = false
    var sourcePort: UInt16 = 0
    var destinationPort: UInt16 = 0
    var tcpFlags: UInt8 = 0
    /// TCP acknowledgement number (the SYN scan matches replies by it).
    var tcpAcknowledgement: UInt32 = 0
    var hasTransport = false
    var payloadOffset = 0
    var payloadLength = 0
    /// ARP: operation, sender MAC and IPv4 address.
    var arpOperation: UInt16 = 0
    var arpSenderMAC: UInt64 = 0
    var arpSenderIP: UInt32 = 0
    /// 802.1Q / 802.1ad tags before the EtherType: how many, and the outer and inner VLAN ids (0 when absent).
    var vlanTags: UInt8 = 0
    var outerVLAN: UInt16 = 0
    var innerVLAN: UInt16 = 0
    /// The first tag was 802.1ad (QinQ, 0x88a8) rather than 802.1Q.
    var serviceTag = false
    /// A link-layer frame that is neither IP nor ARP (LLDP, STP, CDP, other LLC/SNAP); its PDU is the payload.
    var link: LinkFrame = .none
    /// LLC: DSAP << 8 | SSAP; SNAP: OUI << 16 | protocol id.
    var linkKind: UInt64 = 0
    /// TCP sequence number (the HTTP form observer reassembles a request body by it).
    var tcpSequence: UInt32 = 0
}
