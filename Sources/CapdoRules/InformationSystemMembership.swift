/// Which information system of capdo.yaml a host belongs to: the system that lists its name (the last one, if
/// several do), else the only system when there is just one. Built once, so a fleet asks it per host in O(1).
public struct InformationSystemMembership: Sendable {
    private let owner: [String: String]
    private let fallback: String?

    public init(_ systems: [InformationSystem]) {
        var owner: [String: String] = [:]
        for system in systems { for name in system.hostNames { owner[name] = system.name } }
        self.owner = owner
        fallback = systems.count == 1 ? systems[0].name : nil
    }

    /// The system `host` belongs to, if any.
    public func system(of host: String) -> String? { owner[host] ?? fallback }
}
