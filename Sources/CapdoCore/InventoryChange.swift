import Foundation

/// A port, service or package that appeared, disappeared or changed between two scans (ndiff-style).
public struct InventoryChange: Codable, Sendable, Hashable {
    /// What kind of thing changed.
    public enum Kind: String, Codable, Sendable, CaseIterable, Comparable {
        case port, service, package

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public var host: String
    public var kind: Kind
    /// `tcp/23`, `telnet.socket`, `openssl`.
    public var subject: String
    /// The state before (`open 0.0.0.0 (inetd)`, `enabled active`, `3.0.11-1`); nil when it did not exist.
    public var before: String?
    /// The state now; nil when it no longer exists.
    public var after: String?

    public init(host: String, kind: Kind, subject: String, before: String?, after: String?) {
        self.host = host
        self.kind = kind
        self.subject = subject
        self.before = before
        self.after = after
    }

    /// The ndiff-style line: `+tcp/23 open 0.0.0.0 (inetd)`, `-ssh.service enabled`, `~openssl 3.0.11 → 3.0.9`.
    public var line: String {
        switch (before, after) {
        case (nil, let now?): return "+\(subject) \(now)"
        case (let old?, nil): return "-\(subject) \(old)"
        case (let old?, let now?): return "~\(subject) \(old) → \(now)"
        case (nil, nil): return " \(subject)"
        }
    }

    /// Report order: host, kind, subject.
    public static func order(_ lhs: InventoryChange, _ rhs: InventoryChange) -> Bool {
        if lhs.host != rhs.host { return lhs.host < rhs.host }
        if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
        return lhs.subject.compare(rhs.subject, options: .numeric) == .orderedAscending
    }
}
