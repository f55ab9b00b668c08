/// One Windows Defender Firewall profile (`Get-NetFirewallProfile`).
public struct WindowsFirewallProfile: Codable, Sendable, Equatable {
    /// `Domain`, `Private` or `Public`.
    public var name: String
    public var enabled: Bool
    /// `DefaultInboundAction`: `Block`, `Allow` or `NotConfigured` (which means Block).
    public var defaultInbound: String?

    public init(name: String, enabled: Bool, defaultInbound: String? = nil) {
        self.name = name
        self.enabled = enabled
        self.defaultInbound = defaultInbound
    }

    enum CodingKeys: String, CodingKey {
        case name, enabled
        case defaultInbound = "default_inbound"
    }
}
