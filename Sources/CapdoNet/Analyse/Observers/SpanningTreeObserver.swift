import CapdoCore

/// Spanning tree BPDUs (STP, RSTP, MSTP, PVST+): the root bridges claimed, and who claimed them. Two roots for
/// the same VLAN mark each other `contested`.
struct SpanningTreeObserver: PacketObserver {
    static let limit = 256

    private struct Root {
        var version: UInt8
        var packets: Int
        var firstPacket: Int
        var bridges: Set<UInt64>
    }

    /// Keyed by the 64-bit root id (priority with its extension, then the MAC address).
    private var roots: [UInt64: Root] = [:]
    private var overLimit = 0

    @inline(__always) mutating func observe(_ packet: ObservedPacket, credentials: inout CredentialLog) {
        let link = packet.headers.link
        guard link == .stp || link == .pvst else { return }
        let bpdu = packet.payload
        // Protocol id 0; configuration (0x00) and RST/MST (0x02) BPDUs carry the root and bridge ids.
        guard bpdu.count >= 35, bpdu[0] == 0, bpdu[1] == 0, bpdu[3] == 0x00 || bpdu[3] == 0x02 else { return }
        let rootId = UInt64(bigEndian: bpdu.loadUnaligned(fromByteOffset: 5, as: UInt64.self))
        let bridgeId = UInt64(bigEndian: bpdu.loadUnaligned(fromByteOffset: 17, as: UInt64.self))
        if let index = roots.index(forKey: rootId) {
            roots.values[index].packets += 1
            if roots.values[index].bridges.count < ProtocolTally.limit { roots.values[index].bridges.insert(bridgeId) }
        } else if roots.count < Self.limit {
            roots[rootId] = Root(version: bpdu[2], packets: 1, firstPacket: packet.number, bridges: [bridgeId])
        } else {
            overLimit += 1
        }
    }

    func contribute(to facts: inout LanFacts) {
        var perVLAN: [UInt64: Int] = [:]
        for id in roots.keys { perVLAN[id >> 48 & 0x0FFF, default: 0] += 1 }
        facts.spanningTreeRoots = roots.keys.sorted().map { id -> LanSpanningTreeRoot in
            let root = roots[id]!
            return LanSpanningTreeRoot(
                root: Self.bridge(id), priority: Int(id >> 48 & 0xF000), vlan: Int(id >> 48 & 0x0FFF),
                mac: MACAddress.string(id & 0xFFFF_FFFF_FFFF), version: Self.version(root.version),
                bridges: root.bridges.sorted().map(Self.bridge), packets: root.packets, firstPacket: root.firstPacket,
                contested: perVLAN[id >> 48 & 0x0FFF, default: 0] > 1)
        }
        facts.counters.addSkipped("spanning_tree_roots_over_limit", overLimit)
    }

    /// A bridge id as switches print it: `priority/MAC` (the priority with its system id extension).
    static func bridge(_ id: UInt64) -> String { "\(id >> 48)/\(MACAddress.string(id & 0xFFFF_FFFF_FFFF))" }

    static func version(_ value: UInt8) -> String {
        switch value {
        case 0: return "stp"
        case 2: return "rstp"
        case 3: return "mstp"
        default: return "version \(value)"
        }
    }
}
