import CapdoCore
import Synchronization

/// Remembers each rule's finding by the facts the rule reads, so that hosts that hold the same such facts are judged
/// once: a fleet's hosts mostly share their configuration, services and operating system, and judging is pure.
///
/// A rule reads the parts of the facts its checks name (`ResourceResolver.factPaths`): a top-level section, or one
/// source of `config`, plus the collectors' issues. It is judged against a tree holding only those parts
/// (`restricted`), so its finding cannot depend on anything else, and two hosts whose parts are byte for byte the
/// same (`FactKey`) get the same finding. The host name is not in `system`'s part: the finding is made without a
/// host, then gets the host's name and the host's waiver. A rule that reads the host name is never remembered.
///
/// A part with more distinct values than `partLimit` (packages, on hosts that are not updated alike) stops being
/// remembered for the hosts beyond it: their rules that read it are judged afresh, as without a memo.
public final class RuleMemo: Sendable {
    /// A part of the facts: a top-level section (`["packages"]`), or one configuration source (`["config", "sshd"]`).
    struct Part: Hashable, Sendable {
        var components: [String]
    }

    /// Distinct values kept per part; beyond them, rules reading the part are judged afresh.
    static let partLimit = 64
    /// The collectors' issues: every rule's finding may depend on them.
    static let issues = Part(components: ["issues"])
    /// The member of `system` left out of its part (and of the tree rules are judged against).
    static let hostName = "hostname"

    /// Every part some rule reads, `issues` first.
    let parts: [Part]
    /// Per rule (in the order given to `init`): the positions in `parts` it reads, nil when it is never remembered.
    let reads: [[Int]?]
    /// Per rule: whether it reads the packages (it then gets the host's package index).
    let readsPackages: [Bool]
    /// Per part, its distinct values numbered from 1; per rule, its findings by key. Each behind its own lock, so
    /// that hosts judged at once rarely wait for each other.
    private let values: [Locked<[PartKey: Int32]>]
    private let findings: [Locked<[[Int32]: Finding]>]

    private final class Locked<Value: Sendable>: Sendable {
        let mutex: Mutex<Value>
        init(_ value: Value) { mutex = Mutex(value) }
    }

    /// A memo for `rules`, which `RuleEngine.evaluate(_:snapshot:facts:inReportOrder:memo:share:)` must be given in
    /// the same order.
    public init(rules: [Rule]) {
        var parts = [Self.issues]
        var positions: [Part: Int] = [Self.issues: 0]
        reads = rules.map { rule in
            guard let read = Self.parts(of: rule) else { return nil }
            return [0]
                + read.map { part in
                    if let known = positions[part] { return known }
                    positions[part] = parts.count
                    parts.append(part)
                    return parts.count - 1
                }
        }
        self.parts = parts
        readsPackages = rules.map { rule in
            (Self.parts(of: rule) ?? []).contains { $0.components == [PackageResolver.section] }
        }
        values = parts.map { _ in Locked([:]) }
        findings = rules.map { _ in Locked([:]) }
    }

    /// The parts `rule` reads, each once (a whole section covers its sources); nil when it reads the host name, or
    /// a check's kind has no resolver.
    static func parts(of rule: Rule) -> [Part]? {
        var parts: [Part] = []
        for check in [rule.applies, rule.check, rule.warnUnless, rule.absenceProof].compactMap({ $0 }) {
            for resource in ResourceResolvers.leaves(of: check) {
                guard let resolver = ResourceResolvers.resolver(for: resource.kind) else { return nil }
                for path in resolver.factPaths(resource.selector) {
                    guard let part = part(path, oneSource: resolver is ConfigResolver) else { return nil }
                    if !parts.contains(part) { parts.append(part) }
                }
            }
        }
        if parts.contains(Part(components: [ConfigResolver.section])) {
            parts.removeAll { $0.components.count == 2 }
        }
        return parts
    }

    /// The part a check reads `path` in; nil for a path into the host name (or one that names no section).
    /// `oneSource`: a `config` check, which reads its source alone; any other path into `config` reads the whole
    /// section (the place of a value is looked for along its path, up to the section).
    private static func part(_ path: FactPath, oneSource: Bool) -> Part? {
        let components = path.components
        guard let section = components.first, !section.isEmpty, section != FactPath.elements,
            section != FactPath.anyKey
        else { return nil }
        if section == SystemResolver.section,
            components.count < 2 || components[1] == hostName || components[1] == FactPath.anyKey
        {
            return nil
        }
        if oneSource, section == ConfigResolver.section, components.count == 2 { return Part(components: components) }
        return Part(components: [section])
    }

    /// The value of `part` in `facts` (nil when absent); `system` without the host name.
    static func value(of part: Part, in facts: FactValue) -> FactValue? {
        guard var value = facts[part.components[0]] else { return nil }
        if part.components.count == 2 { return value[part.components[1]] }
        if part.components[0] == SystemResolver.section, case .object(var members) = value {
            members[hostName] = nil
            value = .object(members)
        }
        return value
    }

    /// Each part's identity in `facts`: 0 when absent, else the number of its distinct value; nil when the part has
    /// more distinct values than are kept. A part is compared by its bytes in `spans` when they hold it (the same
    /// value in other bytes only counts as another value), else by its tree.
    func identify(_ facts: FactValue, spans: FactSpans?) -> [Int32?] {
        parts.indices.map { position in
            let part = parts[position]
            let key: PartKey
            if part.components[0] != SystemResolver.section,
                let bytes = spans?.withBytes(of: part.components, SpanKey.init)
            {
                key = .bytes(bytes)
            } else if let value = Self.value(of: part, in: facts) {
                key = .tree(FactKey(value))
            } else {
                return 0
            }
            return values[position].mutex.withLock { known -> Int32? in
                if let id = known[key] { return id }
                guard known.count < Self.partLimit else { return nil }
                let id = Int32(known.count + 1)
                known[key] = id
                return id
            }
        }
    }

    /// The key of rule `index` for a host whose parts are `identities`; nil when the rule is not remembered.
    func key(rule index: Int, _ identities: [Int32?]) -> [Int32]? {
        guard let read = reads[index] else { return nil }
        var key: [Int32] = []
        key.reserveCapacity(read.count)
        for position in read {
            guard let id = identities[position] else { return nil }
            key.append(id)
        }
        return key
    }

    /// The finding remembered for rule `index` under `key`.
    func finding(rule index: Int, key: [Int32]) -> Finding? {
        findings[index].mutex.withLock { $0[key] }
    }

    /// Remembers `finding` (made without a host) for rule `index` under `key`; returns the one kept (another host
    /// may have been judged under the same key meanwhile).
    func remember(_ finding: Finding, rule index: Int, key: [Int32]) -> Finding {
        findings[index].mutex.withLock { known in
            if let first = known[key] { return first }
            known[key] = finding
            return finding
        }
    }

    /// `facts` holding only the parts rule `index` reads.
    func restricted(_ facts: FactValue, rule index: Int) -> FactValue {
        var members: [String: FactValue] = [:]
        for position in reads[index] ?? [] {
            let part = parts[position]
            guard let value = Self.value(of: part, in: facts) else { continue }
            if part.components.count == 2 {
                var sources = members[part.components[0]]?.objectValue ?? [:]
                sources[part.components[1]] = value
                members[part.components[0]] = .object(sources)
            } else {
                members[part.components[0]] = value
            }
        }
        return .object(members)
    }
}

extension RuleMemo {
    /// A part's value: its bytes in the snapshot file, or its tree.
    enum PartKey: Hashable, Sendable {
        case bytes(SpanKey)
        case tree(FactKey)
    }
}
