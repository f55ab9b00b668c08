/// The checksum of a TCP segment or ICMPv6 message over its IPv4 or IPv6 pseudo-header (RFC 793, RFC 8200 § 8.1).
enum PseudoHeaderChecksum {
    /// The value to store in the checksum field of `segment` (whose field holds zero); verifying a segment with its
    /// checksum in place gives 0.
    static func compute(
        source: IPAddress, destination: IPAddress, nextHeader: UInt8, segment: ArraySlice<UInt8>
    ) -> UInt16 {
        var sum = words(source) + words(destination)
        // IPv4: zero, protocol, 16-bit length; IPv6: 32-bit length, three zero bytes, next header. Same sum.
        sum += UInt64(nextHeader) + UInt64(segment.count >> 16) + UInt64(segment.count & 0xFFFF)
        return InternetChecksum.finish(InternetChecksum.add(segment, to: sum))
    }

    /// The address as 16-bit words, summed (two for IPv4, eight for IPv6).
    static func words(_ address: IPAddress) -> UInt64 {
        var sum: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 16) {
            sum += address.low >> UInt64(shift) & 0xFFFF
            if address.isV6 { sum += address.high >> UInt64(shift) & 0xFFFF }
        }
        return sum
    }
}
