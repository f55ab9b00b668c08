/// The name of a kind of resource a check names (`config`, `package`, …). The kinds themselves are declared by
/// CapdoRules' resolvers, one file each, listed in `ResourceResolvers`; this is only their name.
public struct ResourceKind: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        rawValue = value
    }
}
