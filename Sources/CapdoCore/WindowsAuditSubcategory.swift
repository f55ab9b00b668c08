/// One advanced audit policy subcategory as `auditpol /backup` writes it (Setting Value 0–3).
public struct WindowsAuditSubcategory: Codable, Sendable, Equatable {
    /// The subcategory's name in the PC's display language (shown only; rules match `guid`).
    public var subcategory: String
    /// `{0CCE9215-69AE-11D9-BED3-505054503030}`, upper case with braces: the same in every language.
    public var guid: String
    /// Success events are audited (Setting Value 1 or 3).
    public var success: Bool
    /// Failure events are audited (Setting Value 2 or 3).
    public var failure: Bool

    public init(subcategory: String, guid: String, success: Bool, failure: Bool) {
        self.subcategory = subcategory
        self.guid = guid
        self.success = success
        self.failure = failure
    }
}
