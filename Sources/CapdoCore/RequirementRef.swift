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
    /// True when `tcvn11930` is inferred from the numbering, not stated by the annex (the II.1 design items).
    public var tcvn11930Inferred: Bool

    public init(
        tt12: String, tcvn11930: String, tcvn14423: String? = nil, nd331: String? = nil, tcvn11930Inferred: Bool = false
    ) {
        self.tt12 = tt12
        self.tcvn11930 = tcvn11930
        self.tcvn14423 = tcvn14423
        self.nd331 = nd331
        self.tcvn11930Inferred = tcvn11930Inferred
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tt12 = try container.decode(String.self, forKey: .tt12)
        tcvn11930 = try container.decode(String.self, forKey: .tcvn11930)
        tcvn14423 = try container.decodeIfPresent(String.self, forKey: .tcvn14423)
        nd331 = try container.decodeIfPresent(String.self, forKey: .nd331)
        tcvn11930Inferred = try container.decodeIfPresent(Bool.self, forKey: .tcvn11930Inferred) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tt12, forKey: .tt12)
        try container.encode(tcvn11930, forKey: .tcvn11930)
        try container.encodeIfPresent(tcvn14423, forKey: .tcvn14423)
        try container.encodeIfPresent(nd331, forKey: .nd331)
        if tcvn11930Inferred { try container.encode(true, forKey: .tcvn11930Inferred) }
    }

    enum CodingKeys: String, CodingKey {
        case tt12, tcvn11930, tcvn14423, nd331
        case tcvn11930Inferred = "tcvn11930_inferred"
    }

    /// The Phụ lục II item number alone (`1.2.1`), used to join rules to controls.
    public var item: String {
        guard let space = tt12.lastIndex(of: " "), tt12.last != " " else {
            return String(tt12.split(separator: " ").last ?? Substring(tt12))
        }
        return String(tt12[tt12.index(after: space)...])
    }
}
