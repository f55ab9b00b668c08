/// A reply to one of our SYN probes: SYN-ACK (open) or RST (closed), recognised by its acknowledgement number.
struct SynReply: Equatable {
    var address: IPAddress
    var port: UInt16
    var open: Bool
    /// Which attempt it answers (the probe's source port minus the scan's base port).
    var attempt: Int

    /// The reply `packet` carries, if it answers a probe this scan sent from `local` (IPv4 or IPv6), source ports
    /// `portBase ..< portBase + attempts`, with sequence numbers from `cookie`; nil for anything else.
    static func match(
        _ packet: DecodedPacket, local: IPAddress, portBase: UInt16, attempts: Int, cookie: SynCookie
    ) -> SynReply? {
        guard packet.network == (local.isV6 ? .ipv6 : .ipv4), packet.ipProtocol == 6, packet.hasTransport,
            !packet.laterFragment, packet.destination == local
        else { return nil }
        let attempt = Int(packet.destinationPort) - Int(portBase)
        guard attempt >= 0, attempt < attempts else { return nil }
        let flags = packet.tcpFlags
        let open: Bool
        if flags & 0x04 != 0 {  // RST (Linux and most stacks send RST+ACK acknowledging our SYN)
            guard flags & 0x10 != 0 else { return nil }
            open = false
        } else if flags & 0x12 == 0x12 {  // SYN+ACK
            open = true
        } else {
            return nil
        }
        let address = packet.source
        let expected = cookie.sequence(address: address, port: packet.sourcePort, sourcePort: packet.destinationPort)
        guard packet.tcpAcknowledgement == expected &+ 1 else { return nil }
        return SynReply(address: address, port: packet.sourcePort, open: open, attempt: attempt)
    }
}
