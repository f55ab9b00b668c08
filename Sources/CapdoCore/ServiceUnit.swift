/// One systemd unit.
public struct ServiceUnit: Codable, Sendable, Equatable {
    /// A `*.wants`/`*.requires` link points at it (or an alias of it).
    public var enabled: Bool
    /// The unit file links to /dev/null.
    public var masked: Bool
    /// `active`, `inactive`, `failed`, … from systemctl; nil when not asked (a `--root` scan).
    public var active: String?
    /// Unit file path relative to the root.
    public var unitFile: String?
    /// The `.wants` links that enable it, relative to the root.
    public var enabledBy: [String]

    public init(
        enabled: Bool, masked: Bool = false, active: String? = nil, unitFile: String? = nil, enabledBy: [String] = []
    ) {
        self.enabled = enabled
        self.masked = masked
        self.active = active
        self.unitFile = unitFile
        self.enabledBy = enabledBy
    }

    enum CodingKeys: String, CodingKey {
        case enabled, masked, active
        case unitFile = "unit_file"
        case enabledBy = "enabled_by"
    }
}
