/// Text in Vietnamese (the default) and English.
public struct LocalizedText: Codable, Sendable, Hashable {
    public var vi: String
    public var en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    /// The same text in both languages (host-derived strings, identifiers).
    public init(_ both: String) {
        self.vi = both
        self.en = both
    }

    public func text(_ language: Language) -> String {
        switch language {
        case .vi: return vi.isEmpty ? en : vi
        case .en: return en.isEmpty ? vi : en
        }
    }
}
