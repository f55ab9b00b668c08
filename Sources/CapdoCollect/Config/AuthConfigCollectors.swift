/// Collectors for authentication and access configuration: sshd, PAM, pwquality, faillock, login.defs,
/// useradd, sudoers, shell timeout, crypttab, apt.
public enum AuthConfigCollectors {
    public static let all: [any Collector] = [
        ConfigSourceCollector(
            source: "sshd", summary: "OpenSSH server settings as sshd -T would print them, with Match blocks",
            build: { SshdConfigParser.parse(ConfigTextSource(files: $0.files)) }),
        ConfigSourceCollector(
            source: "pam", summary: "PAM modules and their arguments in the authentication stacks of etc/pam.d",
            build: { PamStackParser.parse(ConfigTextSource(files: $0.files)) }),
        ConfigSourceCollector(
            source: "login_defs", summary: "Password ageing and login settings from etc/login.defs",
            build: { LoginDefsParser.parse(ConfigTextSource(files: $0.files)) }),
        ConfigSourceCollector(
            source: "pwquality", summary: "Password quality settings from etc/security/pwquality.conf(.d)",
            build: { PwqualityParser.parse(ConfigTextSource(files: $0.files)) }),
        ConfigSourceCollector(
            source: "faillock", summary: "Account lockout settings from etc/security/faillock.conf",
            build: { FaillockParser.parse(ConfigTextSource(files: $0.files)) }),
        ConfigSourceCollector(
            source: "useradd", summary: "New-account defaults from etc/default/useradd",
            build: { UseraddDefaultsParser.parse(ConfigTextSource(files: $0.files)) }),
        ConfigSourceCollector(
            source: "sudoers", summary: "sudo rules, NOPASSWD grants and includes from etc/sudoers",
            build: { SudoersParser.parse(ConfigTextSource(files: $0.files)) }),
        ConfigSourceCollector(
            source: "shell", summary: "Shell idle timeout (TMOUT) from etc/profile, profile.d and bash.bashrc",
            build: { ShellTimeoutParser.parse(ConfigTextSource(files: $0.files)) }),
        ConfigSourceCollector(
            source: "crypttab", summary: "Encrypted volumes listed in etc/crypttab",
            build: { CrypttabParser.parse(ConfigTextSource(files: $0.files)) }),
        ConfigSourceCollector(
            source: "apt", summary: "Periodic update and unattended-upgrade settings from etc/apt/apt.conf.d",
            build: { AptPeriodicParser.parse(ConfigTextSource(files: $0.files)) }),
    ]
}
