/// Builds test frames (Ethernet, IPv4/IPv6, TCP/UDP) from fields, for decoder edge cases.
enum Frames {
    static let macA: [UInt8] = [0x02, 0, 0, 0, 0, 0x0A]
    static let macB: [UInt8] = [0x02, 0, 0, 0, 0, 0x0B]

    static func ip(_ text: String) -> [UInt8] { text.split(separator: ".").map { UInt8($0)! } }

    static func be16(_ value: Int) -> [UInt8] { [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }

    static func tcp(_ sport: Int, _ dport: Int, flags: UInt8, payload: [UInt8] = []) -> [UInt8] {
        be16(sport) + be16(dport) + [0, 0, 0, 1] + [0, 0, 0, 0] + [0x50, flags] + be16(65535) + [0, 0, 0, 0] + payload
    }

    static func udp(_ sport: Int, _ dport: Int, payload: [UInt8]) -> [UInt8] {
        be16(sport) + be16(dport) + be16(8 + payload.count) + [0, 0] + payload
    }

    static func ipv4(_ src: String, _ dst: String, proto: UInt8, _ body: [UInt8], fragment: Int = 0) -> [UInt8] {
        [0x45, 0] + be16(20 + body.count) + [0, 1] + be16(fragment) + [64, proto, 0, 0] + ip(src) + ip(dst) + body
    }

    static func ipv6(_ src: UInt8, _ dst: UInt8, next: UInt8, _ body: [UInt8]) -> [UInt8] {
        let address = { (last: UInt8) -> [UInt8] in
            [0x20, 0x01, 0x0d, 0xb8] + [UInt8](repeating: 0, count: 11) + [last]
        }
        return [0x60, 0, 0, 0] + be16(body.count) + [next, 64] + address(src) + address(dst) + body
    }

    static func ethernet(
        _ payload: [UInt8], type: Int = 0x0800, src: [UInt8] = macA, dst: [UInt8] = macB, vlans: Int = 0
    ) -> [UInt8] {
        var frame = dst + src
        for index in 0..<vlans { frame += be16(index == 0 && vlans > 1 ? 0x88A8 : 0x8100) + be16(100 + index) }
        return frame + be16(type) + payload
    }

    static func arp(op: Int, senderMAC: [UInt8], senderIP: String, targetIP: String) -> [UInt8] {
        ethernet(
            be16(1) + be16(0x0800) + [6, 4] + be16(op) + senderMAC + ip(senderIP) + [0, 0, 0, 0, 0, 0] + ip(targetIP),
            type: 0x0806, src: senderMAC, dst: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
    }

    static func dhcpReply(server: String, type: UInt8, mac: [UInt8]) -> [UInt8] {
        var bootp = [UInt8](repeating: 0, count: 236)
        bootp[0] = 2
        bootp[1] = 1
        bootp[2] = 6
        bootp += [0x63, 0x82, 0x53, 0x63, 53, 1, type, 54, 4] + ip(server) + [255]
        return ethernet(ipv4(server, "255.255.255.255", proto: 17, udp(67, 68, payload: bootp)), src: mac)
    }

    /// SNMP v2c get-request with the given community.
    static func snmp(community: String) -> [UInt8] {
        let c = Array(community.utf8)
        let pdu: [UInt8] = [0xA0, 0x0B, 0x02, 0x01, 0x01, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00, 0x30, 0x00]
        let inner: [UInt8] = [0x02, 0x01, 0x01, 0x04, UInt8(c.count)] + c + pdu
        return [0x30, UInt8(inner.count)] + inner
    }

    /// A SYN and its SYN-ACK for a service at `server:port`.
    static func handshake(client: String, server: String, port: Int, clientPort: Int = 40000) -> [[UInt8]] {
        [
            ethernet(ipv4(client, server, proto: 6, tcp(clientPort, port, flags: 0x02))),
            ethernet(ipv4(server, client, proto: 6, tcp(port, clientPort, flags: 0x12)), src: macB, dst: macA),
        ]
    }

    static func toServer(_ client: String, _ server: String, _ port: Int, _ text: String, clientPort: Int = 40000)
        -> [UInt8]
    {
        ethernet(ipv4(client, server, proto: 6, tcp(clientPort, port, flags: 0x18, payload: Array(text.utf8))))
    }

    static func toClient(_ server: String, _ client: String, _ port: Int, _ text: String, clientPort: Int = 40000)
        -> [UInt8]
    {
        ethernet(
            ipv4(server, client, proto: 6, tcp(port, clientPort, flags: 0x18, payload: Array(text.utf8))), src: macB,
            dst: macA)
    }
}
