import Foundation

/// Text and addresses from link-layer announcements (LLDP, CDP), made safe to report: bounded, control characters
/// replaced, invalid UTF-8 repaired.
enum LinkText {
    static let limit = 128

    /// `bytes` as text (at most `limit` bytes, control characters as `?`); nil when empty.
    static func text(_ bytes: UnsafeRawBufferPointer) -> String? {
        let clean = bytes.prefix(limit).map { $0 < 0x20 || $0 == 0x7F ? 0x3F : $0 }
        let text = String(decoding: clean, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }

    /// An address by its IANA address family (1 IPv4, 2 IPv6, 6 IEEE 802), else its bytes in hex.
    static func address(family: UInt8, _ bytes: UnsafeRawBufferPointer) -> String? {
        switch (family, bytes.count) {
        case (1, 4): return ipv4(bytes)
        case (2, 16): return ipv6(bytes)
        case (6, 6): return mac(bytes)
        default: return hex(bytes)
        }
    }

    static func ipv4(_ bytes: UnsafeRawBufferPointer) -> String {
        IPAddress.v4(UInt32(bigEndian: bytes.loadUnaligned(as: UInt32.self))).description
    }

    static func ipv6(_ bytes: UnsafeRawBufferPointer) -> String {
        IPAddress(
            high: UInt64(bigEndian: bytes.loadUnaligned(as: UInt64.self)),
            low: UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)), isV6: true
        ).description
    }

    static func mac(_ bytes: UnsafeRawBufferPointer) -> String {
        MACAddress.string(bytes.prefix(6).reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
    }

    /// Bytes as lower-case hex (at most `limit` bytes); nil when empty.
    static func hex(_ bytes: UnsafeRawBufferPointer) -> String? {
        guard !bytes.isEmpty else { return nil }
        let digits = Array("0123456789abcdef")
        return String(bytes.prefix(limit).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] })
    }

    /// Big-endian 16 bits at `offset` (the caller checked the length).
    static func u16(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> Int {
        Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
    }
}
