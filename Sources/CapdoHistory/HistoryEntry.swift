import CapdoCore

/// What one run records: its result, and per host the facts digest and inventory.
public struct HistoryEntry: Sendable {
    /// The command that produced it: `scan` or `evaluate`.
    public var command: String
    public var result: ScanResult
    /// Per host, in the order of `result.hosts`.
    public var hosts: [HostExtras]

    /// What the history keeps of one host besides its findings.
    public struct HostExtras: Sendable {
        /// SHA-256 of the snapshot JSON the host was judged from.
        public var factsDigest: String
        public var inventory: HostInventory
        /// The information system (capdo.yaml `systems[].name`) the host belongs to, if known.
        public var system: String?

        public init(factsDigest: String, inventory: HostInventory, system: String? = nil) {
            self.factsDigest = factsDigest
            self.inventory = inventory
            self.system = system
        }
    }

    public init(command: String, result: ScanResult, hosts: [HostExtras]) {
        self.command = command
        self.result = result
        self.hosts = hosts
    }
}
