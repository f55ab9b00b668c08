import Foundation

/// Parses JSON text straight into a `FactValue` tree, in one pass over the bytes (RFC 8259; a duplicate key keeps
/// its first value, as `JSONDecoder` does). `capdo evaluate` reads every snapshot this way: the tree is what the
/// rules look at anyway, and one pass over bytes is much cheaper than Foundation's decoder (figures in
/// docs/benchmarks.md). Errors name the line and column.
///
/// Reference path: `CodecReference.parse` (`JSONDecoder` into the same tree type); `FactJSONParserDifferentialTests`
/// holds the two to the same tree. By design it reads only UTF-8 without a byte-order mark, and repairs invalid
/// UTF-8 and lone surrogates to U+FFFD where Foundation refuses the text.
public struct FactJSONParser {
    /// Deeper nesting than this is refused rather than risking the stack on hostile input.
    public static let maximumDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    /// Whether some array holds a `null` item (then `NullEntries` has work to do).
    private var nullItem = false
    /// Members of the objects being read, innermost last: an object's dictionary is made once at its size, not grown
    /// member by member (each growth hashes every member again).
    private var pending: [(key: String, value: FactValue)] = []
    /// When asked for: where each member of the top-level object, and each member of those members' objects, lies
    /// in the bytes (the first of duplicate keys, whose value is the one kept).
    private var spans: [[String]: Range<Int>]?
    /// The top-level member being read (the parent of the second-level members whose spans are kept).
    private var topKey = ""

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The value `data` holds; throws `FactJSONError` for anything that is not one complete JSON value.
    public static func parse(_ data: Data) throws(FactJSONError) -> FactValue {
        try parseNotingNullItems(data).value
    }

    /// The value `data` holds, and whether any array in it holds a `null` item (`NullEntries`' question, answered
    /// while parsing instead of by another walk over the tree).
    public static func parseNotingNullItems(_ data: Data) throws(FactJSONError) -> (value: FactValue, nullItem: Bool) {
        let parsed = try parse(data, keepingSpans: false)
        return (parsed.value, parsed.nullItem)
    }

    /// `parseNotingNullItems`, and with `keepingSpans` where each top-level member, and each member of an object
    /// at the top level, lies in `data` (`FactSpans`): the same bytes always parse to the same value.
    public static func parse(_ data: Data, keepingSpans: Bool) throws(FactJSONError) -> (
        value: FactValue, nullItem: Bool, spans: [[String]: Range<Int>]
    ) {
        let result: Result<(FactValue, Bool, [[String]: Range<Int>]), FactJSONError> = data.withUnsafeBytes { raw in
            var parser = FactJSONParser(raw.bindMemory(to: UInt8.self))
            if keepingSpans { parser.spans = [:] }
            do throws(FactJSONError) {
                parser.skipWhitespace()
                let value = try parser.value()
                parser.skipWhitespace()
                guard parser.index == parser.bytes.count else { throw parser.error("unexpected text after the value") }
                return .success((value, parser.nullItem, parser.spans ?? [:]))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private mutating func value() throws(FactJSONError) -> FactValue {
        guard index < bytes.count else { throw error("unexpected end of the text") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw error("unexpected character '\(Self.printable(bytes[index]))'")
        }
    }

    private mutating func object() throws(FactJSONError) -> FactValue {
        guard try open(closing: UInt8(ascii: "}")) else { return .object([:]) }
        let start = pending.count
        repeat {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a member name") }
            let key = try string()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':'") }
            index += 1
            skipWhitespace()
            guard spans != nil, depth <= 2 else {
                pending.append((key, try value()))
                continue
            }
            if depth == 1 { topKey = key }
            let start = index
            pending.append((key, try value()))
            let path = depth == 1 ? [key] : [topKey, key]
            if spans?[path] == nil { spans?[path] = start..<index }
        } while try !closes(UInt8(ascii: "}"), "an object")
        var members = [String: FactValue](minimumCapacity: pending.count - start)
        for position in start..<pending.count {
            let (key, member) = pending[position]
            if let first = members.updateValue(member, forKey: key) { members[key] = first }
        }
        pending.removeSubrange(start...)
        return .object(members)
    }

    private mutating func array() throws(FactJSONError) -> FactValue {
        var items: [FactValue] = []
        guard try open(closing: UInt8(ascii: "]")) else { return .array(items) }
        repeat {
            skipWhitespace()
            let item = try value()
            if case .null = item { nullItem = true }
            items.append(item)
        } while try !closes(UInt8(ascii: "]"), "an array")
        return .array(items)
    }

    /// Steps into an object or array at its opening bracket; false if it is empty (and then already left).
    private mutating func open(closing bracket: UInt8) throws(FactJSONError) -> Bool {
        try enter()
        index += 1
        skipWhitespace()
        guard index < bytes.count, bytes[index] == bracket else { return true }
        index += 1
        depth -= 1
        return false
    }

    /// After a member or item: true at the closing `bracket` (then the container is left), false after a comma.
    private mutating func closes(_ bracket: UInt8, _ container: String) throws(FactJSONError) -> Bool {
        skipWhitespace()
        guard index < bytes.count else { throw error("unexpected end of the text in \(container)") }
        switch bytes[index] {
        case UInt8(ascii: ","):
            index += 1
            return false
        case bracket:
            index += 1
            depth -= 1
            return true
        default:
            throw error("expected ',' or '\(Self.printable(bracket))'")
        }
    }

    private mutating func enter() throws(FactJSONError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw error("nested deeper than \(Self.maximumDepth) levels") }
    }

    /// A string starting at the opening quote; the common case (no escapes) is one slice of the input.
    private mutating func string() throws(FactJSONError) -> String {
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            if byte < 0x20 { throw error("control character in a string") }
            index += 1
        }
        throw error("unterminated string")
    }

    private mutating func escapedString(from start: Int) throws(FactJSONError) -> String {
        var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: utf8, as: UTF8.self)
            }
            if byte < 0x20 { throw error("control character in a string") }
            guard byte == UInt8(ascii: "\\") else {
                utf8.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"): utf8.append(contentsOf: try unicodeEscape())
            default: throw error("invalid escape '\\\(Self.printable(escape))'")
            }
        }
        throw error("unterminated string")
    }

    /// The UTF-8 of a `\uXXXX` escape (the `\u` already read), joining a surrogate pair; a lone surrogate becomes
    /// U+FFFD, as `String(decoding:)` repairs other invalid text.
    private mutating func unicodeEscape() throws(FactJSONError) -> [UInt8] {
        var scalar = try hex4()
        if (0xD800..<0xDC00).contains(scalar), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
            bytes[index + 1] == UInt8(ascii: "u")
        {
            let saved = index
            index += 2
            let low = try hex4()
            if (0xDC00..<0xE000).contains(low) {
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else {
                index = saved
            }
        }
        return Array(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
    }

    private mutating func hex4() throws(FactJSONError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// A number in JSON's grammar; integers of up to 15 digits are converted without going through text.
    private mutating func number() throws(FactJSONError) -> Double {
        let start = index
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        let integerStart = index
        guard index < bytes.count, Self.isDigit(bytes[index]) else { throw error("invalid number") }
        var integer: Int64 = 0
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < bytes.count, Self.isDigit(bytes[index]) {
                if index - integerStart < 15 { integer = integer * 10 + Int64(bytes[index] - UInt8(ascii: "0")) }
                index += 1
            }
        }
        let integerDigits = index - integerStart
        var simple = integerDigits <= 15
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            simple = false
            index += 1
            guard index < bytes.count, Self.isDigit(bytes[index]) else { throw error("invalid number") }
            while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            simple = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, Self.isDigit(bytes[index]) else { throw error("invalid number") }
            while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
        }
        if simple { return negative ? -Double(integer) : Double(integer) }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw error("number out of range") }
        return value
    }

    private mutating func literal(_ word: StaticString, _ value: FactValue) throws(FactJSONError) -> FactValue {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw error("unexpected end of the text") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            index += offset
            throw error("unexpected character '\(Self.printable(bytes[index]))'")
        }
        index += count
        return value
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func printable(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : String(format: "0x%02X", byte)
    }

    /// An error at the current position, with its 1-based line and column.
    private func error(_ message: String) -> FactJSONError {
        let end = min(index, bytes.count)
        var line = 1
        var lineStart = 0
        for position in 0..<end where bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        return FactJSONError(message: message, line: line, column: end - lineStart + 1)
    }
}
