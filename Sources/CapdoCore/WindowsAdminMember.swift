/// One member of the local Administrators group (`Get-LocalGroupMember -SID S-1-5-32-544`).
public struct WindowsAdminMember: Codable, Sendable, Equatable {
    /// As Windows names it: `PC-01\Administrator`, `LECHAN\Domain Admins`, or a bare SID when it no longer resolves.
    public var name: String
    /// The name an allow-list matches: a local account without its computer prefix (`Administrator`, so one list
    /// serves every PC), anything else as `name`.
    public var principal: String
    public var sid: String?
    /// `PrincipalSource`: `Local`, `ActiveDirectory`, `AzureAD`, `MicrosoftAccount` or `Unknown`.
    public var source: String?
    /// `ObjectClass`: `User` or `Group`.
    public var objectClass: String?

    public init(name: String, principal: String, sid: String? = nil, source: String? = nil, objectClass: String? = nil)
    {
        self.name = name
        self.principal = principal
        self.sid = sid
        self.source = source
        self.objectClass = objectClass
    }

    enum CodingKeys: String, CodingKey {
        case name, principal, sid, source
        case objectClass = "object_class"
    }
}
