/// The kinds of resource a check can name. `tls` and `lan` arrive with their collectors.
public enum ResourceKind: String, Sendable, Hashable, CaseIterable {
    case config, file, package, service, port, account, items, fact, evidence, system, antivirus
}
