/// One typed check: a resource selected from the facts and matchers its value must satisfy.
///
/// `config: { source: sshd, key: permitrootlogin, in: ["no"] }` has kind `.config`, selector
/// `source`/`key` and one matcher `in`.
public struct ResourceCheck: Sendable, Hashable {
    public var kind: ResourceKind
    /// Selector keys (`source`, `key`, `name`, `names`, `path`, `protocol`, `port`, `ports`, `where`, `default`, …).
    public var selector: [String: FactValue]
    public var matchers: [Matcher]
    public var location: SourceLocation?

    public init(kind: ResourceKind, selector: [String: FactValue], matchers: [Matcher], location: SourceLocation? = nil)
    {
        self.kind = kind
        self.selector = selector
        self.matchers = matchers
        self.location = location
    }
}
