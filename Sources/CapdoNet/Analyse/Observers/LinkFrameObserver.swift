import CapdoCore

/// Counts the link-layer frames that are neither IP nor ARP by kind (LLDP, STP, CDP, DTP, other LLC and SNAP), so
/// the counters say what they were instead of "unsupported".
struct LinkFrameObserver: PacketObserver {
    static let limit = 256

    /// `LinkFrame` raw value << 48 | `linkKind` → frames.
    private var counts: [UInt64: Int] = [:]
    private var overLimit = 0

    @inline(__always) mutating func observe(_ packet: ObservedPacket, credentials: inout CredentialLog) {
        guard packet.headers.link != .none else { return }
        let key = UInt64(packet.headers.link.rawValue) << 48 | packet.headers.linkKind
        if let index = counts.index(forKey: key) {
            counts.values[index] += 1
        } else if counts.count < Self.limit {
            counts[key] = 1
        } else {
            overLimit += 1
        }
    }

    func contribute(to facts: inout LanFacts) {
        var frames: [String: Int] = [:]
        for (key, count) in counts {
            let link = LinkFrame(rawValue: UInt8(key >> 48)) ?? .none
            frames[LinkFrame.name(link, kind: key & 0xFFFF_FFFF_FFFF), default: 0] += count
        }
        facts.linkFrames = frames
        facts.counters.addSkipped("link_frame_kinds_over_limit", overLimit)
    }
}
