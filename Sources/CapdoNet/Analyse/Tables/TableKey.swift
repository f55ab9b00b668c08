/// A key of the LAN analysis's hot tables (`KeyedTable`): hashed by a few multiply-mix steps of its words under a
/// random per-table seed, where `Hasher`'s SipHash took a sixth of the analysis of a busy segment.
protocol TableKey: Equatable {
    /// A value of the key's type, never looked up: what fills empty slots.
    static var placeholder: Self { get }

    /// The key's words mixed under `seed` (`TableHash.mix`).
    func tableHash(_ seed: UInt64) -> UInt64
}

/// The mixing step of `TableKey.tableHash`: the two halves of a full 128-bit product folded together.
enum TableHash {
    @inline(__always) static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// Odd constants for the words after the first (any odd 64-bit values with mixed bits).
    static let second: UInt64 = 0xE703_7ED1_A0B4_28DB
    static let third: UInt64 = 0x8EBC_6AF0_9C88_C6E3
}

/// A VLAN's key (`VlanObserver`): tags << 28 | 802.1ad << 24 | outer << 12 | inner.
extension UInt32: TableKey {
    static var placeholder: UInt32 { 0 }

    @inline(__always) func tableHash(_ seed: UInt64) -> UInt64 {
        TableHash.mix(UInt64(self) ^ seed, TableHash.second)
    }
}

extension IPAddress: TableKey {
    static var placeholder: IPAddress { .v4(0) }

    @inline(__always) func tableHash(_ seed: UInt64) -> UInt64 {
        if !isV6 { return TableHash.mix(low ^ seed, TableHash.second) }
        return TableHash.mix(TableHash.mix(high ^ seed, TableHash.second) ^ low, TableHash.third)
    }
}

extension FlowKey: TableKey {
    static var placeholder: FlowKey { FlowKey(client: .v4(0), server: .v4(0), clientPort: 0, serverPort: 0) }

    @inline(__always) func tableHash(_ seed: UInt64) -> UInt64 {
        let ports = UInt64(clientPort) << 16 | UInt64(serverPort)
        if !client.isV6 && !server.isV6 {
            return TableHash.mix((client.low << 32 | server.low) ^ seed, ports ^ TableHash.second)
        }
        let flags = ports | (client.isV6 ? 1 << 32 : 0) | (server.isV6 ? 1 << 33 : 0)
        let highs = TableHash.mix(client.high ^ seed, server.high ^ TableHash.second)
        return TableHash.mix(highs ^ client.low, (server.low ^ flags) &+ TableHash.third)
    }
}

extension ServiceKey: TableKey {
    static var placeholder: ServiceKey { ServiceKey(address: .v4(0), port: 0, transport: 0) }

    @inline(__always) func tableHash(_ seed: UInt64) -> UInt64 {
        TableHash.mix(address.tableHash(seed) ^ UInt64(port) << 8 ^ UInt64(transport), TableHash.third)
    }
}
