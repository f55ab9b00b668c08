/// Formats and reads 48-bit MAC addresses held in the low bits of a `UInt64`, written `aa:bb:cc:dd:ee:ff`.
enum MACAddress {
    static func string(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 17) { buffer in
            let digits: StaticString = "0123456789abcdef"
            let hex = digits.utf8Start
            var at = 0
            for shift in stride(from: 40, through: 0, by: -8) {
                let byte = Int((value >> UInt64(shift)) & 0xFF)
                if shift != 40 {
                    buffer[at] = 0x3A
                    at += 1
                }
                buffer[at] = hex[byte >> 4]
                buffer[at + 1] = hex[byte & 0xF]
                at += 2
            }
            return at
        }
    }

    /// The value of a MAC written as `string` writes it (six pairs of hex digits joined by colons, either case); nil
    /// for anything else.
    static func value(_ text: String) -> UInt64? {
        var text = text
        return text.withUTF8 { bytes -> UInt64? in
            guard bytes.count == 17 else { return nil }
            var value: UInt64 = 0
            for index in 0..<17 {
                let byte = bytes[index]
                if index % 3 == 2 {
                    guard byte == 0x3A else { return nil }
                    continue
                }
                guard let nibble = HexDigit.value(byte) else { return nil }
                value = value << 4 | UInt64(nibble)
            }
            return value
        }
    }
}
