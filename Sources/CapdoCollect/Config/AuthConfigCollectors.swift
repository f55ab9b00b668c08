/// Collectors for authentication and access configuration: sshd, PAM, pwquality, faillock, login.defs,
/// useradd, sudoers, shell timeout, crypttab, apt.
public enum AuthConfigCollectors {
    public static let all: [any Collector] = []
}
