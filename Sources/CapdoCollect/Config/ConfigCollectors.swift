/// The one table of configuration sources. Adding a source is one parser file (a `ConfigFileParser` reading
/// through `ConfigFileReader`) and one entry here; the order is the merge order.
public enum ConfigCollectors {
    public static let parsers: [any ConfigFileParser.Type] = [
        // Authentication and access.
        SshdConfigParser.self,
        PamStackParser.self,
        LoginDefsParser.self,
        PwqualityParser.self,
        FaillockParser.self,
        UseraddDefaultsParser.self,
        SudoersParser.self,
        ShellTimeoutParser.self,
        CrypttabParser.self,
        EncryptedStorageParser.self,
        NfsExportsParser.self,
        SambaParser.self,
        AptPeriodicParser.self,
        // Kernel, logging, time, firewall, web servers.
        SysctlParser.self,
        SysctlRuntimeParser.self,
        ModprobeParser.self,
        LogrotateParser.self,
        JournaldParser.self,
        RsyslogParser.self,
        FirewallParser.self,
        FirewallAcceptParser.self,
        TimesyncdParser.self,
        AuditdParser.self,
        AuditRulesParser.self,
        ChronyParser.self,
        NginxParser.self,
        Apache2Parser.self,
    ]

    /// One collector per source.
    public static var all: [any Collector] { parsers.map { ConfigSourceCollector($0) } }
}
