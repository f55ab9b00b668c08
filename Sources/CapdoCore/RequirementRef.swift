/// The regulation items a rule implements: legacy (TT12 + TCVN 11930) and new-regime ids.
public struct RequirementRef: Codable, Sendable, Hashable {
    /// TT12/2022 Phụ lục II item, e.g. `II.2 1.2.1` (technical) or `I 1.5.4` (management).
    public var tt12: String
    /// TCVN 11930:2017 clause, e.g. `6.2.2.1`.
    public var tcvn11930: String
    /// TCVN 14423:2026 clause, when known.
    public var tcvn14423: String?
    /// Decree 331/2026 article, when known.
    public var nd331: String?

    public init(tt12: String, tcvn11930: String, tcvn14423: String? = nil, nd331: String? = nil) {
        self.tt12 = tt12
        self.tcvn11930 = tcvn11930
        self.tcvn14423 = tcvn14423
        self.nd331 = nd331
    }

    /// The Phụ lục II item number alone (`1.2.1`), used to join rules to controls.
    public var item: String {
        guard let space = tt12.lastIndex(of: " "), tt12.last != " " else {
            return String(tt12.split(separator: " ").last ?? Substring(tt12))
        }
        return String(tt12[tt12.index(after: space)...])
    }
}
