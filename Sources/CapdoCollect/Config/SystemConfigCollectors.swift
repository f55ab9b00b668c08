/// Collectors for system configuration: sysctl, journald, logrotate, rsyslog, auditd, time sync, firewall,
/// web servers.
public enum SystemConfigCollectors {
    public static let all: [any Collector] = [
        ConfigSourceCollector(source: "sysctl", summary: "Kernel parameters set in sysctl.d and sysctl.conf") {
            SysctlParser.parse(.host($0.files))
        },
        SysctlRuntimeCollector(),
    ]
}
