import Foundation

/// Windows-only facts written by `Samples/windows/Collect-CapdoSnapshot.ps1` (docs/facts.md, `windows`).
///
/// Password and lockout policy go to `config.windows_policy`, local accounts to `accounts`, Defender to
/// `antivirus`; this section holds what has no Linux counterpart. Nil means "the script could not tell" (then the
/// snapshot carries an issue named by the fact's path, `windows.bitlocker_volumes`): a list the script left out stays
/// nil, so no rule counts an empty list it never read.
public struct WindowsFacts: Codable, Sendable, Equatable {
    /// What produced the facts (`Collect-CapdoSnapshot.ps1 1.0`).
    public var source: String?
    /// `Get-NetFirewallProfile`: Domain, Private, Public.
    public var firewallProfiles: [WindowsFirewallProfile]?
    /// SMB 1.0 server protocol enabled (`Get-SmbServerConfiguration`).
    public var smb1Enabled: Bool?
    /// SMB 1.0 client driver enabled (service `mrxsmb10` present and not disabled).
    public var smb1ClientEnabled: Bool?
    /// Remote Desktop accepts connections (`fDenyTSConnections` = 0).
    public var rdpEnabled: Bool?
    /// Remote Desktop requires Network Level Authentication (`UserAuthentication` = 1).
    public var rdpNla: Bool?
    /// Install date of the newest hotfix (`Get-HotFix`), and its id.
    public var lastHotfix: Date?
    public var lastHotfixID: String?
    public var bitlockerVolumes: [WindowsBitLockerVolume]?
    /// The lock every user gets: the machine inactivity limit, or else the longest password-protected screen-saver
    /// timeout among the loaded user hives (user policy key first); nil when none is set.
    public var screenLockSeconds: Int?
    /// AutoRun/AutoPlay disabled for all drives (`NoDriveTypeAutoRun` = 255 or `NoAutorun` = 1).
    public var autorunDisabled: Bool?
    /// `NoDriveTypeAutoRun` as set in policy, when set.
    public var noDriveTypeAutorun: Int?
    /// Members of the local Administrators group (`DOMAIN\name` or `name`).
    public var localAdmins: [String]?
    /// Security event log maximum size in bytes (`wevtutil gl Security`).
    public var securityLogMaxBytes: Int?
    /// Advanced audit policy, every subcategory (`auditpol /backup`).
    public var auditPolicy: [WindowsAuditSubcategory]?
    /// Members of the local Administrators group with their SID and source, for the allow-list.
    public var localAdminMembers: [WindowsAdminMember]?
    /// Remote Desktop idle session limit (`MaxIdleTime`, policy first) in seconds; 0 = no limit.
    public var rdpMaxIdleSeconds: Int?
    /// USB mass storage driver and removable-storage policy.
    public var usbStorage: WindowsUSBStorage?
    /// Security, System and Application logs: size and what happens when full.
    public var eventLogs: [WindowsEventLog]?

    public init(
        source: String? = nil, firewallProfiles: [WindowsFirewallProfile]? = nil, smb1Enabled: Bool? = nil,
        smb1ClientEnabled: Bool? = nil, rdpEnabled: Bool? = nil, rdpNla: Bool? = nil, lastHotfix: Date? = nil,
        lastHotfixID: String? = nil, bitlockerVolumes: [WindowsBitLockerVolume]? = nil, screenLockSeconds: Int? = nil,
        autorunDisabled: Bool? = nil, noDriveTypeAutorun: Int? = nil, localAdmins: [String]? = nil,
        securityLogMaxBytes: Int? = nil, auditPolicy: [WindowsAuditSubcategory]? = nil,
        localAdminMembers: [WindowsAdminMember]? = nil, rdpMaxIdleSeconds: Int? = nil,
        usbStorage: WindowsUSBStorage? = nil, eventLogs: [WindowsEventLog]? = nil
    ) {
        self.source = source
        self.firewallProfiles = firewallProfiles
        self.smb1Enabled = smb1Enabled
        self.smb1ClientEnabled = smb1ClientEnabled
        self.rdpEnabled = rdpEnabled
        self.rdpNla = rdpNla
        self.lastHotfix = lastHotfix
        self.lastHotfixID = lastHotfixID
        self.bitlockerVolumes = bitlockerVolumes
        self.screenLockSeconds = screenLockSeconds
        self.autorunDisabled = autorunDisabled
        self.noDriveTypeAutorun = noDriveTypeAutorun
        self.localAdmins = localAdmins
        self.securityLogMaxBytes = securityLogMaxBytes
        self.auditPolicy = auditPolicy
        self.localAdminMembers = localAdminMembers
        self.rdpMaxIdleSeconds = rdpMaxIdleSeconds
        self.usbStorage = usbStorage
        self.eventLogs = eventLogs
    }

    enum CodingKeys: String, CodingKey {
        case source
        case firewallProfiles = "firewall_profiles"
        case smb1Enabled = "smb1_enabled"
        case smb1ClientEnabled = "smb1_client_enabled"
        case rdpEnabled = "rdp_enabled"
        case rdpNla = "rdp_nla"
        case lastHotfix = "last_hotfix"
        case lastHotfixID = "last_hotfix_id"
        case bitlockerVolumes = "bitlocker_volumes"
        case screenLockSeconds = "screen_lock_seconds"
        case autorunDisabled = "autorun_disabled"
        case noDriveTypeAutorun = "no_drive_type_autorun"
        case localAdmins = "local_admins"
        case securityLogMaxBytes = "security_log_max_bytes"
        case auditPolicy = "audit_policy"
        case localAdminMembers = "local_admin_members"
        case rdpMaxIdleSeconds = "rdp_max_idle_seconds"
        case usbStorage = "usb_storage"
        case eventLogs = "event_logs"
    }
}
