/// ASCII hex digits, read without building text (MAC addresses, registry assignments, percent escapes).
enum HexDigit {
    /// The value of `byte` as a hex digit (either case); nil for any other byte.
    @inline(__always) static func value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x37
        case 0x61...0x66: return byte - 0x57
        default: return nil
        }
    }
}
