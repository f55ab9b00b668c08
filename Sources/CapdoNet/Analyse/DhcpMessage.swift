/// The fields of a DHCP (BOOTP) message capdo reports, read in place from a UDP payload: nothing is allocated
/// unless the message is DHCP.
struct DhcpMessage {
    /// Option 53: 1 DISCOVER, 2 OFFER, 3 REQUEST, 5 ACK, …; 0 when absent.
    var type: UInt8 = 0
    /// yiaddr: the address offered or acknowledged.
    var yourAddress: UInt32 = 0
    /// chaddr, when the hardware type is Ethernet (1) with 6-byte addresses.
    var clientMAC: UInt64?
    /// Option 54.
    var serverIdentifier: UInt32?
    /// Option 1.
    var subnetMask: UInt32?
    /// Option 3.
    var routers: [UInt32] = []
    /// Option 6.
    var dnsServers: [UInt32] = []
    /// Option 51.
    var leaseSeconds: UInt32?
    /// Option 12, printable characters only, at most 64.
    var hostName: String?
    /// Option 50.
    var requestedAddress: UInt32?

    /// Reads a BOOTP message of `operation` (1 request, 2 reply) with the DHCP magic cookie; nil otherwise.
    /// Options cut short end the reading (what came before is kept).
    init?(_ payload: UnsafeRawBufferPointer, operation: UInt8) {
        guard payload.count >= 240, payload[0] == operation,
            payload.loadUnaligned(fromByteOffset: 236, as: UInt32.self) == UInt32(0x6382_5363).bigEndian
        else { return nil }
        yourAddress = Self.u32(payload, 16)
        if payload[1] == 1 && payload[2] == 6 {
            var mac: UInt64 = 0
            for index in 28..<34 { mac = mac << 8 | UInt64(payload[index]) }
            clientMAC = mac
        }
        var cursor = 240
        while cursor < payload.count {
            let code = payload[cursor]
            if code == 255 { break }
            if code == 0 {
                cursor += 1
                continue
            }
            guard cursor + 1 < payload.count else { break }
            let length = Int(payload[cursor + 1])
            let start = cursor + 2
            guard start + length <= payload.count else { break }
            switch code {
            case 53 where length == 1: type = payload[start]
            case 54 where length == 4: serverIdentifier = Self.u32(payload, start)
            case 1 where length == 4: subnetMask = Self.u32(payload, start)
            case 50 where length == 4: requestedAddress = Self.u32(payload, start)
            case 51 where length == 4: leaseSeconds = Self.u32(payload, start)
            case 3, 6:
                let addresses = stride(from: start, to: start + length - 3, by: 4).prefix(8).map {
                    Self.u32(payload, $0)
                }
                if code == 3 { routers = addresses } else { dnsServers = addresses }
            case 12:
                let name = UnsafeRawBufferPointer(rebasing: payload[start..<(start + length)])
                hostName = CredentialParser.userName(name)
            default: break
            }
            cursor = start + length
        }
    }

    @inline(__always) static func u32(_ payload: UnsafeRawBufferPointer, _ offset: Int) -> UInt32 {
        UInt32(bigEndian: payload.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }
}
