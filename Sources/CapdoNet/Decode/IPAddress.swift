/// An IPv4 or IPv6 address as two integers (IPv4 in the low 32 bits), cheap to hash and compare.
struct IPAddress: Hashable, Comparable {
    var high: UInt64
    var low: UInt64
    var isV6: Bool

    static func v4(_ value: UInt32) -> IPAddress { IPAddress(high: 0, low: UInt64(value), isV6: false) }

    /// One word for IPv4 (the common case), three for IPv6: fewer hasher rounds than the synthesised hash.
    @inline(__always) func hash(into hasher: inout Hasher) {
        if isV6 {
            hasher.combine(high)
            hasher.combine(low)
            hasher.combine(true)
        } else {
            hasher.combine(low)
        }
    }

    static func < (lhs: IPAddress, rhs: IPAddress) -> Bool {
        if lhs.isV6 != rhs.isV6 { return !lhs.isV6 }
        return (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }

    /// Broadcast, multicast or unspecified: never a host of its own.
    var isGroupOrUnspecified: Bool {
        if isV6 { return high >> 56 == 0xFF || (high == 0 && low == 0) }
        let value = UInt32(truncatingIfNeeded: low)
        return value == 0 || value == 0xFFFF_FFFF || value >> 28 == 0xE || value & 0xFF == 0xFF
    }

    var description: String {
        if !isV6 { return Self.dotted(UInt32(truncatingIfNeeded: low)) }
        var groups: [UInt16] = []
        for shift in stride(from: 48, through: 0, by: -16) {
            groups.append(UInt16(truncatingIfNeeded: high >> UInt64(shift)))
        }
        for shift in stride(from: 48, through: 0, by: -16) {
            groups.append(UInt16(truncatingIfNeeded: low >> UInt64(shift)))
        }
        // Longest run of zero groups (length ≥ 2) becomes "::".
        var bestStart = -1, bestLength = 0, index = 0
        while index < 8 {
            if groups[index] == 0 {
                var end = index
                while end < 8 && groups[end] == 0 { end += 1 }
                if end - index > bestLength { bestStart = index; bestLength = end - index }
                index = end
            } else {
                index += 1
            }
        }
        func hex(_ range: ArraySlice<UInt16>) -> String { range.map { String($0, radix: 16) }.joined(separator: ":") }
        if bestLength < 2 { return hex(groups[...]) }
        return hex(groups[0..<bestStart]) + "::" + hex(groups[(bestStart + bestLength)...])
    }

    /// `a.b.c.d`, written byte by byte: a capture of many hosts writes one per host.
    private static func dotted(_ value: UInt32) -> String {
        String(unsafeUninitializedCapacity: 15) { buffer in
            var at = 0
            for shift in stride(from: 24, through: 0, by: -8) {
                let octet = Int(value >> UInt32(shift) & 0xFF)
                if shift != 24 {
                    buffer[at] = 0x2E
                    at += 1
                }
                if octet >= 100 {
                    buffer[at] = UInt8(0x30 + octet / 100)
                    at += 1
                }
                if octet >= 10 {
                    buffer[at] = UInt8(0x30 + octet / 10 % 10)
                    at += 1
                }
                buffer[at] = UInt8(0x30 + octet % 10)
                at += 1
            }
            return at
        }
    }

    /// Parses dotted IPv4 or IPv6 text (via inet_pton semantics, implemented here for both families).
    init?(_ text: String) {
        if let v4 = Self.parseV4(text) { self = .v4(v4); return }
        guard text.contains(":") else { return nil }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            if part.isEmpty { return [] }
            var out: [UInt16] = []
            for piece in part.split(separator: ":", omittingEmptySubsequences: false) {
                guard let value = UInt16(piece, radix: 16), piece.count <= 4 else { return nil }
                out.append(value)
            }
            return out
        }
        guard let head = groups(halves[0]) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count < 8 else { return nil }
            all += [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return nil }
        var high: UInt64 = 0, low: UInt64 = 0
        for i in 0..<4 { high = high << 16 | UInt64(all[i]) }
        for i in 4..<8 { low = low << 16 | UInt64(all[i]) }
        self.init(high: high, low: low, isV6: true)
    }

    init(high: UInt64, low: UInt64, isV6: Bool) {
        self.high = high
        self.low = low
        self.isV6 = isV6
    }

    static func parseV4(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, let octet = UInt32(part), octet <= 255 else { return nil }
            value = value << 8 | octet
        }
        return value
    }
}
