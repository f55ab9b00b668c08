import CapdoCore

/// The part of a `HostSnapshot` one collector produced; outputs are merged in collector order.
public struct CollectorOutput: Sendable {
    public var system: SystemFacts?
    public var packages: PackageFacts?
    public var updates: UpdateFacts?
    public var config: [String: ConfigSection]
    public var accounts: AccountFacts?
    public var services: ServiceFacts?
    public var listeners: ListenerFacts?
    public var logs: LogFacts?
    public var files: [String: FileFact]
    public var backup: BackupFacts?
    public var evidence: EvidenceFacts?
    public var antivirus: AntivirusFacts?
    public var issues: [CollectionIssue]

    public init(
        system: SystemFacts? = nil, packages: PackageFacts? = nil, updates: UpdateFacts? = nil,
        config: [String: ConfigSection] = [:], accounts: AccountFacts? = nil, services: ServiceFacts? = nil,
        listeners: ListenerFacts? = nil, logs: LogFacts? = nil, files: [String: FileFact] = [:],
        backup: BackupFacts? = nil, evidence: EvidenceFacts? = nil, antivirus: AntivirusFacts? = nil,
        issues: [CollectionIssue] = []
    ) {
        self.system = system
        self.packages = packages
        self.updates = updates
        self.config = config
        self.accounts = accounts
        self.services = services
        self.listeners = listeners
        self.logs = logs
        self.files = files
        self.backup = backup
        self.evidence = evidence
        self.antivirus = antivirus
        self.issues = issues
    }

    /// Copies every section this output carries into the snapshot.
    public func merge(into snapshot: inout HostSnapshot) {
        if let system { snapshot.system = system }
        if let packages { snapshot.packages = packages }
        if let updates { snapshot.updates = updates }
        for (key, section) in config { snapshot.config[key] = section }
        if let accounts { snapshot.accounts = accounts }
        if let services { snapshot.services = services }
        if let listeners { snapshot.listeners = listeners }
        if let logs { snapshot.logs = logs }
        for (key, fact) in files { snapshot.files[key] = fact }
        if let backup { snapshot.backup = backup }
        if let evidence { snapshot.evidence = evidence }
        if let antivirus { snapshot.antivirus = antivirus }
        snapshot.issues.append(contentsOf: issues)
    }
}
