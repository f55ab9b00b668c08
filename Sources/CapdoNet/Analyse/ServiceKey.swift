/// A service endpoint: address, port and transport (6 TCP, 17 UDP).
struct ServiceKey: Hashable, Comparable {
    var address: IPAddress
    var port: UInt16
    var transport: UInt8

    @inline(__always) func hash(into hasher: inout Hasher) {
        hasher.combine(address)
        hasher.combine(UInt32(port) << 8 | UInt32(transport))
    }

    static func < (lhs: ServiceKey, rhs: ServiceKey) -> Bool {
        (lhs.address, lhs.transport, lhs.port) < (rhs.address, rhs.transport, rhs.port)
    }
}
