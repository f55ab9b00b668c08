import Foundation

/// One account, as a summary: the password field is reduced to its state.
public struct AccountSummary: Codable, Sendable, Equatable {
    public var name: String
    public var uid: Int
    public var gid: Int
    public var home: String?
    public var shell: String?
    /// False for `nologin`, `false` and empty-equivalent shells.
    public var interactive: Bool
    /// UID below login.defs `UID_MIN` (default 1000), or nobody.
    public var system: Bool
    /// `set`, `locked`, `empty`, `disabled` (`*`/`!` with no hash), `no_entry`, or `unknown`.
    public var password: String
    public var lastChange: Date?
    public var maxDays: Int?
    public var minDays: Int?
    public var warnDays: Int?
    public var inactiveDays: Int?
    public var expires: Date?
    /// From `/var/log/lastlog` when present.
    public var lastLogin: Date?
    /// passwd file and line.
    public var file: String?
    public var line: Int?
    /// Line of the account's entry in etc/shadow, where its password state and ageing come from.
    public var shadowLine: Int?
    /// Windows: `Get-LocalUser`'s `PasswordRequired` is false. That only *allows* an empty password (it says nothing
    /// of the password set), so Windows accounts carry this instead of `password: empty`.
    public var passwordNotRequired: Bool?
    /// Linux: UID 0, or a member (listed or by primary group) of `sudo`, `wheel` or `admin` in etc/group; nil when
    /// etc/group could not be read.
    public var admin: Bool?
    /// The administration groups the account belongs to (`sudo`), for the evidence.
    public var adminGroups: [String]?

    public init(
        name: String, uid: Int, gid: Int, home: String? = nil, shell: String? = nil, interactive: Bool,
        system: Bool, password: String, lastChange: Date? = nil, maxDays: Int? = nil, minDays: Int? = nil,
        warnDays: Int? = nil, inactiveDays: Int? = nil, expires: Date? = nil, lastLogin: Date? = nil,
        file: String? = nil, line: Int? = nil, shadowLine: Int? = nil, passwordNotRequired: Bool? = nil,
        admin: Bool? = nil, adminGroups: [String]? = nil
    ) {
        self.name = name
        self.uid = uid
        self.gid = gid
        self.home = home
        self.shell = shell
        self.interactive = interactive
        self.system = system
        self.password = password
        self.lastChange = lastChange
        self.maxDays = maxDays
        self.minDays = minDays
        self.warnDays = warnDays
        self.inactiveDays = inactiveDays
        self.expires = expires
        self.lastLogin = lastLogin
        self.file = file
        self.line = line
        self.shadowLine = shadowLine
        self.passwordNotRequired = passwordNotRequired
        self.admin = admin
        self.adminGroups = adminGroups
    }

    enum CodingKeys: String, CodingKey {
        case name, uid, gid, home, shell, interactive, system, password
        case lastChange = "last_change"
        case maxDays = "max_days"
        case minDays = "min_days"
        case warnDays = "warn_days"
        case inactiveDays = "inactive_days"
        case expires
        case lastLogin = "last_login"
        case file, line
        case shadowLine = "shadow_line"
        case passwordNotRequired = "password_not_required"
        case admin
        case adminGroups = "admin_groups"
    }
}
