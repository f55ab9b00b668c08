import Foundation

/// A facts value as a set or dictionary key, hashed and compared by the bytes of its texts (as `ProofKey` does for
/// evidence): two keys are equal only when the values are the same tree with byte-for-byte the same strings, so
/// whatever is judged or written from one is exactly what would be from the other.
///
/// Members of an object are hashed in any order (equal dictionaries need not iterate alike).
public struct FactKey: Hashable, Sendable {
    public let value: FactValue
    private let digest: Int

    public init(_ value: FactValue) {
        self.value = value
        var hasher = Hasher()
        Self.combine(value, into: &hasher)
        digest = hasher.finalize()
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(digest) }

    public static func == (lhs: FactKey, rhs: FactKey) -> Bool {
        lhs.digest == rhs.digest && same(lhs.value, rhs.value)
    }

    private static func combine(_ value: FactValue, into hasher: inout Hasher) {
        switch value {
        case .null: hasher.combine(0 as UInt8)
        case .bool(let flag):
            hasher.combine(1 as UInt8)
            hasher.combine(flag)
        case .number(let number):
            hasher.combine(2 as UInt8)
            hasher.combine(number.bitPattern)
        case .string(let text):
            hasher.combine(3 as UInt8)
            ProofKey.combine(text, into: &hasher)
        case .array(let items):
            hasher.combine(4 as UInt8)
            hasher.combine(items.count)
            for item in items { combine(item, into: &hasher) }
        case .object(let members):
            hasher.combine(5 as UInt8)
            hasher.combine(members.count)
            // Order-independent: the sum of each member's own hash.
            var sum = 0
            for (key, member) in members {
                var memberHasher = Hasher()
                ProofKey.combine(key, into: &memberHasher)
                combine(member, into: &memberHasher)
                sum &+= memberHasher.finalize()
            }
            hasher.combine(sum)
        }
    }

    /// The same tree with byte-for-byte the same strings (numbers by their bits, so 0 and -0 differ).
    static func same(_ a: FactValue, _ b: FactValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x.bitPattern == y.bitPattern
        case (.string(let x), .string(let y)): return ProofKey.same(x, y)
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            for (key, member) in x {
                // Keys are looked up by `String` equality; their bytes must match as well.
                guard let index = y.index(forKey: key), ProofKey.same(key, y[index].key), same(member, y[index].value)
                else { return false }
            }
            return true
        default: return false
        }
    }
}
