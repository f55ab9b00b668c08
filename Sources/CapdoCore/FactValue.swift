import Foundation

/// A JSON-like value: the common shape of facts, rule operands and example fragments.
///
/// Every `HostSnapshot` is turned into a `FactValue` tree before rules look at it, and a rule's
/// `examples` are fragments of that same tree, so the engine judges both through one code path.
///
/// Not `indirect`: arrays and dictionaries already keep their elements out of line, so a value is stored inline
/// rather than in a heap box of its own (a snapshot's tree has tens of thousands of values).
public enum FactValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([FactValue])
    case object([String: FactValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([FactValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: FactValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The member `key` of an object, or nil.
    public subscript(key: String) -> FactValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// Follows a dotted path (`config.sshd.permitrootlogin`) through objects.
    public func value(atPath path: String) -> FactValue? {
        var current: FactValue? = self
        for component in path.split(separator: ".", omittingEmptySubsequences: true) {
            current = current?[String(component)]
        }
        return current
    }

    public var stringValue: String? {
        switch self {
        case .string(let value): return value
        case .number(let value): return FactValue.format(value)
        case .bool(let value): return value ? "true" : "false"
        default: return nil
        }
    }

    /// A number, also from a numeric string ("5", " 90 ").
    public var numberValue: Double? {
        switch self {
        case .number(let value): return value
        case .string(let value): return Double(value) ?? Double(value.trimmingCharacters(in: .whitespaces))
        case .bool(let value): return value ? 1 : 0
        default: return nil
        }
    }

    /// A whole number that fits in `Int`, or nil (also for 1e19, NaN, 2.5): every integer taken from input goes
    /// through here or `Int(exactly:)`, since `Int(_: Double)` traps on values out of range.
    public var integerValue: Int? {
        numberValue.flatMap { Int(exactly: $0) }
    }

    public var boolValue: Bool? {
        switch self {
        case .bool(let value): return value
        case .string(let value):
            switch value.lowercased() {
            case "true", "yes", "on", "1": return true
            case "false", "no", "off", "0": return false
            default: return nil
            }
        case .number(let value): return value != 0
        default: return nil
        }
    }

    public var arrayValue: [FactValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var objectValue: [String: FactValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// A short, single-line rendering for evidence ("no", "5", "[a, b]").
    public var display: String {
        switch self {
        case .null: return "(none)"
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return FactValue.format(value)
        case .string(let value): return value
        case .array(let items): return "[" + items.map(\.display).joined(separator: ", ") + "]"
        case .object(let members):
            return "{" + members.keys.sorted().map { "\($0): \(members[$0]!.display)" }.joined(separator: ", ") + "}"
        }
    }

    /// A number as text: whole numbers without a fraction, others (and huge ones) as Swift prints them.
    public static func format(_ value: Double) -> String {
        if value.rounded() == value && abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// Converts any `Encodable` (a snapshot) into a tree, using capdo's date format; the same tree JSON
    /// encoding and decoding would give, built directly.
    public static func from<T: Encodable>(_ value: T) throws -> FactValue {
        try FactValueEncoder().encode(value)
    }
}
