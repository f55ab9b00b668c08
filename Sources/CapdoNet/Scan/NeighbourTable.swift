/// The kernel's IPv4 neighbour (ARP) table, `/proc/net/arp`: complete entries only.
enum NeighbourTable {
    /// Next hop → MAC for the complete entries (flag 0x2) on `interface`.
    static func parse(_ text: String, interface: String) -> [UInt32: UInt64] {
        var out: [UInt32: UInt64] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 6, fields[5] == interface, let address = IPAddress.parseV4(String(fields[0])),
                let flags = Int(fields[2].dropFirst(2), radix: 16), flags & 0x2 != 0,
                let mac = parseMAC(String(fields[3])), mac != 0
            else { continue }
            out[address] = mac
        }
        return out
    }

    static func read(interface: String) -> [UInt32: UInt64] {
        parse((try? String(contentsOfFile: "/proc/net/arp", encoding: .utf8)) ?? "", interface: interface)
    }

    /// `aa:bb:cc:dd:ee:ff` → 48-bit value.
    static func parseMAC(_ text: String) -> UInt64? {
        let parts = text.split(separator: ":")
        guard parts.count == 6 else { return nil }
        var value: UInt64 = 0
        for part in parts {
            guard part.count <= 2, let byte = UInt8(part, radix: 16) else { return nil }
            value = value << 8 | UInt64(byte)
        }
        return value
    }
}
