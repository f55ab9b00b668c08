/// One volume as `Get-BitLockerVolume` reports it.
public struct WindowsBitLockerVolume: Codable, Sendable, Equatable {
    /// `C:`.
    public var mountPoint: String
    /// `OperatingSystem`, `Data` or `FixedData`/`Removable`.
    public var volumeType: String?
    /// `ProtectionStatus` is `On`.
    public var protectionOn: Bool
    /// `FullyEncrypted`, `EncryptionInProgress`, `FullyDecrypted`, …
    public var volumeStatus: String?
    public var encryptionPercentage: Double?

    public init(
        mountPoint: String, volumeType: String? = nil, protectionOn: Bool, volumeStatus: String? = nil,
        encryptionPercentage: Double? = nil
    ) {
        self.mountPoint = mountPoint
        self.volumeType = volumeType
        self.protectionOn = protectionOn
        self.volumeStatus = volumeStatus
        self.encryptionPercentage = encryptionPercentage
    }

    enum CodingKeys: String, CodingKey {
        case mountPoint = "mount_point"
        case volumeType = "volume_type"
        case protectionOn = "protection_on"
        case volumeStatus = "volume_status"
        case encryptionPercentage = "encryption_percentage"
    }
}
