/// What keeps USB mass storage out: the USBSTOR driver's start type and the removable-storage access policy.
public struct WindowsUSBStorage: Codable, Sendable, Equatable {
    /// `HKLM\SYSTEM\CurrentControlSet\Services\USBSTOR` `Start` (3 on demand, 4 disabled); nil when the key is absent.
    public var usbstorStart: Int?
    /// Policy *All Removable Storage classes: Deny all access* (`RemovableStorageDevices` `Deny_All` = 1).
    public var denyAll: Bool
    /// Policy *Removable Disks: Deny read access* (class `{53f5630d-b6bf-11d0-94f2-00a0c91efb8b}` `Deny_Read` = 1).
    public var removableDisksDenyRead: Bool
    /// Policy *Removable Disks: Deny write access* (`Deny_Write` = 1).
    public var removableDisksDenyWrite: Bool

    public init(usbstorStart: Int? = nil, denyAll: Bool, removableDisksDenyRead: Bool, removableDisksDenyWrite: Bool) {
        self.usbstorStart = usbstorStart
        self.denyAll = denyAll
        self.removableDisksDenyRead = removableDisksDenyRead
        self.removableDisksDenyWrite = removableDisksDenyWrite
    }

    enum CodingKeys: String, CodingKey {
        case usbstorStart = "usbstor_start"
        case denyAll = "deny_all"
        case removableDisksDenyRead = "removable_disks_deny_read"
        case removableDisksDenyWrite = "removable_disks_deny_write"
    }
}
