/// Collectors for system configuration: sysctl, journald, logrotate, rsyslog, auditd, time sync, firewall,
/// web servers.
public enum SystemConfigCollectors {
    public static let all: [any Collector] = []
}
