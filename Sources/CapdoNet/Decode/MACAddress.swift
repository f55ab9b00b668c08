/// Formats a 48-bit MAC address held in the low bits of a `UInt64`.
enum MACAddress {
    static func string(_ value: UInt64) -> String {
        let digits = Array("0123456789abcdef")
        var out = ""
        out.reserveCapacity(17)
        for shift in stride(from: 40, through: 0, by: -8) {
            let byte = Int((value >> UInt64(shift)) & 0xFF)
            if shift != 40 { out.append(":") }
            out.append(digits[byte >> 4])
            out.append(digits[byte & 0xF])
        }
        return out
    }
}
