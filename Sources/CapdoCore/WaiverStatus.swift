/// A loaded waiver and whether it is in force at the scan time.
public struct WaiverStatus: Codable, Sendable, Equatable {
    public var waiver: Waiver
    public var expired: Bool
    /// Findings it waived in this scan.
    public var applied: Int

    public init(waiver: Waiver, expired: Bool, applied: Int) {
        self.waiver = waiver
        self.expired = expired
        self.applied = applied
    }
}
