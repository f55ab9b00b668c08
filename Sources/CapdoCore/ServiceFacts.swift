/// systemd units: enablement from the filesystem, active state from systemctl on the live host.
public struct ServiceFacts: Codable, Sendable, Equatable {
    /// `filesystem` or `filesystem+systemctl`.
    public var source: String
    /// Keyed by full unit name (`ssh.service`, `apt-daily.timer`).
    public var units: [String: ServiceUnit]

    public init(source: String, units: [String: ServiceUnit]) {
        self.source = source
        self.units = units
    }
}
