/// The RFC 1071 Internet checksum (ones'-complement sum of 16-bit big-endian words), for IPv4 headers and TCP.
enum InternetChecksum {
    /// Adds `bytes` as big-endian 16-bit words (an odd last byte is padded with zero) to a running sum.
    static func add(_ bytes: ArraySlice<UInt8>, to sum: UInt64 = 0) -> UInt64 {
        var total = sum
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            total += UInt64(bytes[index]) << 8 | UInt64(bytes[index + 1])
            index += 2
        }
        if index < bytes.endIndex { total += UInt64(bytes[index]) << 8 }
        return total
    }

    /// Folds the carries into 16 bits and complements: the value to store in the checksum field.
    static func finish(_ sum: UInt64) -> UInt16 {
        var total = sum
        while total >> 16 != 0 { total = (total & 0xFFFF) + (total >> 16) }
        return ~UInt16(total)
    }

    /// Checksum of an IPv4 header whose checksum field holds zero (or, to verify, its value: the result is then 0).
    static func ipv4Header(_ header: ArraySlice<UInt8>) -> UInt16 { finish(add(header)) }

    /// TCP checksum over the IPv4 pseudo-header (source, destination, zero, protocol 6, TCP length) and the segment.
    static func tcp(source: UInt32, destination: UInt32, segment: ArraySlice<UInt8>) -> UInt16 {
        var sum: UInt64 = UInt64(source >> 16) + UInt64(source & 0xFFFF)
        sum += UInt64(destination >> 16) + UInt64(destination & 0xFFFF)
        sum += 6 + UInt64(segment.count)
        return finish(add(segment, to: sum))
    }
}
