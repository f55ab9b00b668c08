import Foundation

/// Windows-only facts written by `Samples/windows/Collect-CapdoSnapshot.ps1` (docs/facts.md, `windows`).
///
/// Password and lockout policy go to `config.windows_policy`, local accounts to `accounts`, Defender to
/// `antivirus`; this section holds what has no Linux counterpart. Nil means "the script could not tell".
public struct WindowsFacts: Codable, Sendable, Equatable {
    /// What produced the facts (`Collect-CapdoSnapshot.ps1 1.0`).
    public var source: String?
    /// `Get-NetFirewallProfile`: Domain, Private, Public.
    public var firewallProfiles: [WindowsFirewallProfile]
    /// SMB 1.0 server protocol enabled (`Get-SmbServerConfiguration`).
    public var smb1Enabled: Bool?
    /// Remote Desktop accepts connections (`fDenyTSConnections` = 0).
    public var rdpEnabled: Bool?
    /// Remote Desktop requires Network Level Authentication (`UserAuthentication` = 1).
    public var rdpNla: Bool?
    /// Install date of the newest hotfix (`Get-HotFix`), and its id.
    public var lastHotfix: Date?
    public var lastHotfixID: String?
    public var bitlockerVolumes: [WindowsBitLockerVolume]
    /// Machine inactivity limit or screen-saver timeout with password, the smaller; nil when none is set.
    public var screenLockSeconds: Int?
    /// AutoRun/AutoPlay disabled for all drives (`NoDriveTypeAutoRun` = 255 or `NoAutorun` = 1).
    public var autorunDisabled: Bool?
    /// `NoDriveTypeAutoRun` as set in policy, when set.
    public var noDriveTypeAutorun: Int?
    /// Members of the local Administrators group (`DOMAIN\name` or `name`).
    public var localAdmins: [String]
    /// Security event log maximum size in bytes (`wevtutil gl Security`).
    public var securityLogMaxBytes: Int?

    public init(
        source: String? = nil, firewallProfiles: [WindowsFirewallProfile] = [], smb1Enabled: Bool? = nil,
        rdpEnabled: Bool? = nil, rdpNla: Bool? = nil, lastHotfix: Date? = nil, lastHotfixID: String? = nil,
        bitlockerVolumes: [WindowsBitLockerVolume] = [], screenLockSeconds: Int? = nil, autorunDisabled: Bool? = nil,
        noDriveTypeAutorun: Int? = nil, localAdmins: [String] = [], securityLogMaxBytes: Int? = nil
    ) {
        self.source = source
        self.firewallProfiles = firewallProfiles
        self.smb1Enabled = smb1Enabled
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
    }

    enum CodingKeys: String, CodingKey {
        case source
        case firewallProfiles = "firewall_profiles"
        case smb1Enabled = "smb1_enabled"
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
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        firewallProfiles = try container.decodeIfPresent([WindowsFirewallProfile].self, forKey: .firewallProfiles) ?? []
        smb1Enabled = try container.decodeIfPresent(Bool.self, forKey: .smb1Enabled)
        rdpEnabled = try container.decodeIfPresent(Bool.self, forKey: .rdpEnabled)
        rdpNla = try container.decodeIfPresent(Bool.self, forKey: .rdpNla)
        lastHotfix = try container.decodeIfPresent(Date.self, forKey: .lastHotfix)
        lastHotfixID = try container.decodeIfPresent(String.self, forKey: .lastHotfixID)
        bitlockerVolumes = try container.decodeIfPresent([WindowsBitLockerVolume].self, forKey: .bitlockerVolumes) ?? []
        screenLockSeconds = try container.decodeIfPresent(Int.self, forKey: .screenLockSeconds)
        autorunDisabled = try container.decodeIfPresent(Bool.self, forKey: .autorunDisabled)
        noDriveTypeAutorun = try container.decodeIfPresent(Int.self, forKey: .noDriveTypeAutorun)
        localAdmins = try container.decodeIfPresent([String].self, forKey: .localAdmins) ?? []
        securityLogMaxBytes = try container.decodeIfPresent(Int.self, forKey: .securityLogMaxBytes)
    }
}
