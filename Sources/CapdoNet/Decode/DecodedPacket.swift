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
    /// TCP sequence number (the HTTP form observer reassembles a request body by it).
    var tcpSequence: UInt32 = 0
}
