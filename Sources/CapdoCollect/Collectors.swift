/// The one list of collectors, in merge order: host collectors, then every configuration source.
public enum Collectors {
    public static var all: [any Collector] {
        host + ConfigCollectors.all
    }

    /// The host collectors (everything but configuration files).
    public static var host: [any Collector] {
        [
            SystemCollector(), PackagesCollector(), UpdatesCollector(), AccountsCollector(), ServicesCollector(),
            ListenersCollector(), LogsCollector(), FilesCollector(), BackupCollector(), EvidenceCollector(),
            AntivirusCollector(),
        ]
    }
}
