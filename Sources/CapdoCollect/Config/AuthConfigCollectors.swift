/// Collectors for authentication and access configuration: sshd, PAM, pwquality, faillock, login.defs,
/// useradd, sudoers, shell timeout, crypttab, apt.
public enum AuthConfigCollectors {
    public static let all: [any Collector] = [
        ConfigSourceCollector(
            source: "sshd", summary: "OpenSSH server settings as sshd -T would print them, with Match blocks",
            build: { SshdConfigParser.parse(ConfigTextSource(files: $0.files)) }),
    ]
}
