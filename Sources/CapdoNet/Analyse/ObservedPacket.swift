/// A packet as the observers see it: its decoded headers, arrival number and time, and its transport payload (valid
/// only while the observers look at it).
///
/// A view of the analyzer's `PacketState`, one pointer wide: the packet itself (184 bytes) was copied for every packet
/// before the observers borrowed it, a tenth of the analysis time.
struct ObservedPacket {
    let state: UnsafePointer<PacketState>

    @inline(__always) var headers: DecodedPacket {
        unsafeAddress { state.pointer(to: \.headers)! }
    }

    /// Arrival number, from 1: the packet number the facts cite.
    @inline(__always) var number: Int { state.pointee.number }

    /// Capture time, seconds since 1970.
    @inline(__always) var time: Double { state.pointee.time }

    /// The bytes after the transport header; empty when no transport header decoded.
    @inline(__always) var payload: UnsafeRawBufferPointer { state.pointee.payload }

    /// TCP over IPv4/IPv6 with its header decoded.
    @inline(__always) var isTCP: Bool { headers.hasTransport && headers.ipProtocol == 6 }

    /// UDP over IPv4/IPv6 with its header decoded.
    @inline(__always) var isUDP: Bool { headers.hasTransport && headers.ipProtocol == 17 }

    /// TCP/UDP: the lower of the two ports, taken as the server's for the protocols capdo follows.
    @inline(__always) var serverPort: UInt16 { min(headers.sourcePort, headers.destinationPort) }

    /// TCP/UDP: the packet goes to `serverPort`.
    @inline(__always) var toServer: Bool { headers.destinationPort == serverPort }

    /// The flow as sent: this packet's source is the client.
    @inline(__always) var flowToServer: FlowKey {
        FlowKey(
            client: headers.source, server: headers.destination, clientPort: headers.sourcePort,
            serverPort: headers.destinationPort)
    }

    /// An IPv4 ARP request or reply naming its sender's address: a host claiming that address.
    @inline(__always) var isARPClaim: Bool {
        headers.network == .arp && headers.arpSenderIP != 0
            && (headers.arpOperation == 1 || headers.arpOperation == 2)
    }

    /// UDP: the one protocol of interest its ports name.
    @inline(__always) var udpService: UDPService {
        UDPService(source: headers.sourcePort, destination: headers.destinationPort)
    }
}
