import Foundation

/// Until when the host's operating-system release receives security updates, and where that date comes from.
///
/// Absent (with a warning issue saying why) when capdo cannot tell: a distribution without lifecycle data (RHEL,
/// Alpine), a release missing from the table, or no distro-info-data on the scanning machine. Rules then give
/// `not_assessed`, never a blanket fail.
public struct OSSupportFacts: Codable, Sendable, Equatable {
    /// `/usr/share/distro-info/debian.csv`, or capdo's Windows lifecycle table and its source.
    public var source: String
    /// Line of the release in the CSV.
    public var line: Int?
    /// `Debian 12 (bookworm)`, `Ubuntu 22.04 LTS (jammy)`, `Windows 10 22H2 (Home/Pro)`.
    public var product: String
    /// Which end date `supportEnd` is: `eol-lts` (Debian LTS), `eol` (standard support), or the Windows edition's
    /// end of servicing.
    public var basis: String
    /// The end of security support capdo judges by.
    public var supportEnd: Date
    /// End of standard (regular security) support, when it differs.
    public var standardEnd: Date?
    /// End of Debian LTS, when the release has one.
    public var ltsEnd: Date?

    public init(
        source: String, line: Int? = nil, product: String, basis: String, supportEnd: Date, standardEnd: Date? = nil,
        ltsEnd: Date? = nil
    ) {
        self.source = source
        self.line = line
        self.product = product
        self.basis = basis
        self.supportEnd = supportEnd
        self.standardEnd = standardEnd
        self.ltsEnd = ltsEnd
    }

    enum CodingKeys: String, CodingKey {
        case source, line, product, basis
        case supportEnd = "support_end"
        case standardEnd = "standard_end"
        case ltsEnd = "lts_end"
    }
}
