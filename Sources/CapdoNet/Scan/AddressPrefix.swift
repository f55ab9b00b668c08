/// An address prefix (`192.0.2.0/24`, `2001:db8::/64`): the containment test behind route lookups and target ranges.
struct AddressPrefix: Equatable {
    var network: IPAddress
    var length: Int

    /// The family's width in bits.
    static func width(_ address: IPAddress) -> Int { address.isV6 ? 128 : 32 }

    /// `address` with every bit after the first `length` cleared.
    static func masked(_ address: IPAddress, _ length: Int) -> IPAddress {
        let bits = max(0, min(length, width(address)))
        if !address.isV6 {
            let mask: UInt64 = bits == 0 ? 0 : (0xFFFF_FFFF << UInt64(32 - bits)) & 0xFFFF_FFFF
            return .v4(UInt32(truncatingIfNeeded: address.low & mask))
        }
        let highMask: UInt64 = bits >= 64 ? .max : bits == 0 ? 0 : ~(UInt64.max >> UInt64(bits))
        let lowMask: UInt64 = bits <= 64 ? 0 : bits == 128 ? .max : ~(UInt64.max >> UInt64(bits - 64))
        return IPAddress(high: address.high & highMask, low: address.low & lowMask, isV6: true)
    }

    func contains(_ address: IPAddress) -> Bool {
        address.isV6 == network.isV6 && Self.masked(address, length) == Self.masked(network, length)
    }
}
