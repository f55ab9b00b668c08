import CapdoCore

/// IPv6 router advertisements (ICMPv6 134): every router that offered itself, with its prefixes, lifetime and
/// flags. A router nobody declared is the IPv6 twin of a rogue DHCP server.
struct RouterAdvertisementObserver: PacketObserver {
    static let limit = 256
    static let packetLimit = 10

    private struct Router {
        var mac: UInt64?
        /// Prefix options as sent (address, length): written as text once, in `contribute`.
        var prefixes: [(address: IPAddress, length: UInt8)] = []
        var lifetime = 0
        var flags: UInt8 = 0
        var count = 0
        var packets: [Int] = []
    }

    private var routers: [IPAddress: Router] = [:]
    private var overLimit = 0

    @inline(__always) mutating func observe(_ packet: ObservedPacket, credentials: inout CredentialLog) {
        guard packet.headers.network == .ipv6, packet.headers.ipProtocol == 58, packet.headers.hasTransport else {
            return
        }
        let message = packet.payload
        // Type 134, code 0; hop limit, flags, router lifetime, reachable time, retransmission timer, then options.
        guard message.count >= 16, message[0] == 134, message[1] == 0 else { return }
        let source = packet.headers.source
        guard var router = routers[source] ?? (routers.count < Self.limit ? Router() : nil) else {
            overLimit += 1
            return
        }
        if router.mac == nil, packet.headers.hasMAC { router.mac = packet.headers.sourceMAC }
        router.flags = message[5]
        router.lifetime = LinkText.u16(message, 6)
        router.count += 1
        if router.packets.count < Self.packetLimit { router.packets.append(packet.number) }
        var cursor = 16
        while cursor + 2 <= message.count {
            let length = Int(message[cursor + 1]) * 8
            guard length > 0, cursor + length <= message.count else { break }
            switch message[cursor] {
            case 1 where length == 8 && router.mac == nil:
                router.mac =
                    UInt64(LinkText.u16(message, cursor + 2)) << 32
                    | UInt64(UInt32(bigEndian: message.loadUnaligned(fromByteOffset: cursor + 4, as: UInt32.self)))
            case 3 where length == 32:
                let prefix = (
                    address: IPAddress(
                        high: UInt64(bigEndian: message.loadUnaligned(fromByteOffset: cursor + 16, as: UInt64.self)),
                        low: UInt64(bigEndian: message.loadUnaligned(fromByteOffset: cursor + 24, as: UInt64.self)),
                        isV6: true),
                    length: message[cursor + 2]
                )
                if router.prefixes.count < ProtocolTally.limit, !router.prefixes.contains(where: { $0 == prefix }) {
                    router.prefixes.append(prefix)
                }
            default: break
            }
            cursor += length
        }
        routers[source] = router
    }

    func contribute(to facts: inout LanFacts) {
        facts.routerAdvertisements = routers.keys.sorted().map { address -> LanRouterAdvertisement in
            let router = routers[address]!
            return LanRouterAdvertisement(
                ip: address.description, mac: router.mac.map(MACAddress.string),
                prefixes: router.prefixes.map { "\($0.address.description)/\($0.length)" },
                routerLifetime: router.lifetime, managed: router.flags & 0x80 != 0,
                otherConfiguration: router.flags & 0x40 != 0, advertisements: router.count, packets: router.packets)
        }
        facts.counters.addSkipped("routers_over_limit", overLimit)
    }
}
