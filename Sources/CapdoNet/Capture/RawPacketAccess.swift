import Foundation

/// Whether this process may send raw frames: root, or the CAP_NET_RAW capability in its effective set.
public enum RawPacketAccess {
    /// Bit 13 of the capability sets (linux/capability.h).
    static let netRawBit: UInt64 = 1 << 13

    public static var isAvailable: Bool {
        if geteuid() == 0 { return true }
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        return hasNetRaw(procStatus: status)
    }

    /// Reads `CapEff:` from `/proc/self/status` text.
    static func hasNetRaw(procStatus: String) -> Bool {
        for line in procStatus.split(separator: "\n") where line.hasPrefix("CapEff:") {
            let value = line.dropFirst("CapEff:".count).trimmingCharacters(in: .whitespaces)
            return (UInt64(value, radix: 16) ?? 0) & netRawBit != 0
        }
        return false
    }
}
