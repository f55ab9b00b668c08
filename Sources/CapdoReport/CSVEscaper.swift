/// Makes one CSV field (RFC 4180) that a spreadsheet shows as text, never as a formula.
enum CSVEscaper {
    /// Characters that make a spreadsheet read a cell as a formula when they come first.
    static let formulaPrefixes: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// `text` with a `'` in front when it starts like a formula, then quoted (quotes doubled) when it holds a comma,
    /// quote, CR or LF.
    static func field(_ text: String) -> String {
        let value = neutralised(text)
        let special: (UInt8) -> Bool = { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        guard value.utf8.contains(where: special) else { return value }
        var out: [UInt8] = [0x22]
        out.reserveCapacity(value.utf8.count + 8)
        for byte in value.utf8 {
            out.append(byte)
            if byte == 0x22 { out.append(0x22) }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` with a `'` in front when it starts like a formula.
    static func neutralised(_ text: String) -> String {
        guard let first = text.first, formulaPrefixes.contains(first) else { return text }
        return "'" + text
    }
}
