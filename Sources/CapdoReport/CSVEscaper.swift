/// Makes one CSV field (RFC 4180) that a spreadsheet shows as text, never as a formula.
enum CSVEscaper {
    /// Characters that make a spreadsheet read a cell as a formula when they come first.
    static let formulaPrefixes: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// `text` with a `'` in front when it starts like a formula, then quoted (quotes doubled) when it holds a comma,
    /// quote, CR or LF.
    static func field(_ text: String) -> String {
        let value = neutralised(text)
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `text` with a `'` in front when it starts like a formula.
    static func neutralised(_ text: String) -> String {
        guard let first = text.first, formulaPrefixes.contains(first) else { return text }
        return "'" + text
    }
}
