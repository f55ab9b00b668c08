/// The sequence number of a SYN probe: a keyed hash of (target, port, source port) under a random per-scan key, so
/// a reply is recognised by its acknowledgement number alone, and replies to another scan or forged ones are not.
struct SynCookie: Sendable {
    let key: UInt64

    init(key: UInt64 = UInt64.random(in: .min ... .max)) { self.key = key }

    func sequence(address: IPAddress, port: UInt16, sourcePort: UInt16) -> UInt32 {
        let ports = UInt64(port) << 16 | UInt64(sourcePort)
        // An IPv6 address is folded into one word under the key first; an IPv4 one fills the top half.
        let input =
            address.isV6 ? Self.mix(Self.mix(key ^ address.high) ^ address.low) ^ ports : address.low << 32 | ports
        let mixed = Self.mix(Self.mix(key ^ input) &+ key)
        return UInt32(truncatingIfNeeded: mixed >> 32)
    }

    /// SplitMix64's finaliser: every input bit reaches every output bit.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
