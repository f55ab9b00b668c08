/// Collectors for system configuration: sysctl, journald, logrotate, rsyslog, auditd, time sync, firewall,
/// web servers.
public enum SystemConfigCollectors {
    public static let all: [any Collector] = [
        ConfigSourceCollector(source: "sysctl", summary: "Kernel parameters set in sysctl.d and sysctl.conf") {
            SysctlParser.parse(.host($0.files))
        },
        SysctlRuntimeCollector(),
        ConfigSourceCollector(source: "logrotate", summary: "Log rotation and retention from logrotate.conf") {
            LogrotateParser.parse(.host($0.files))
        },
        ConfigSourceCollector(source: "journald", summary: "systemd-journald storage and retention settings") {
            JournaldParser.parse(.host($0.files))
        },
        ConfigSourceCollector(source: "rsyslog", summary: "rsyslog auth log destination and remote forwarding") {
            RsyslogParser.parse(.host($0.files))
        },
        ConfigSourceCollector(source: "firewall", summary: "ufw, nftables and iptables inbound default policy") {
            FirewallParser.parse(.host($0.files))
        },
        ConfigSourceCollector(source: "timesyncd", summary: "systemd-timesyncd NTP servers") {
            TimesyncdParser.parse(.host($0.files))
        },
        ConfigSourceCollector(source: "auditd", summary: "auditd daemon settings (auditd.conf)") {
            AuditdParser.parse(.host($0.files))
        },
        ConfigSourceCollector(source: "audit_rules", summary: "Audit watch and syscall rules (rules.d)") {
            AuditRulesParser.parse(.host($0.files))
        },
        ConfigSourceCollector(source: "chrony", summary: "chrony time sources") {
            ChronyParser.parse(.host($0.files))
        },
        ConfigSourceCollector(source: "nginx", summary: "nginx logging, version disclosure, TLS and listings") {
            NginxParser.parse(.host($0.files))
        },
        ConfigSourceCollector(source: "apache2", summary: "Apache httpd logging, version disclosure, TLS and listings")
        {
            Apache2Parser.parse(.host($0.files))
        },
    ]
}
