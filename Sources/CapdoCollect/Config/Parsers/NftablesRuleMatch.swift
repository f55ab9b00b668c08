/// What one nftables rule matches and does, as far as "which sources may open a TCP connection to this port" needs:
/// source addresses (`ip saddr`, `ip6 saddr`), destination ports (`tcp dport`, `th dport`), the protocol, a
/// loopback-only interface, a connection state without `new`, and the verdict. Anything else in the rule is read as
/// matching every packet, so a rule is never read as narrower than it is. A negated source or port (`!=`) is read
/// the safe way round, as admitting every source on every port; so is a verdict map (`vmap`) that accepts.
struct NftablesRuleMatch: Equatable {
    enum Verdict: Equatable {
        case accept
        /// `jump`/`goto` to a chain of the same table.
        case jump(String)
        /// drop, reject, return, queue: nothing is accepted here.
        case other
    }

    /// nil: every source.
    var sources: [String]?
    /// nil: every port. Port numbers, ranges (`20-30`), service names.
    var ports: [String]?
    /// False when the rule only matches another protocol (`udp dport 53`, `meta l4proto udp`).
    var tcp = true
    /// Only packets from the loopback interface, or of connections already established.
    var excluded = false
    var verdict: Verdict?

    /// Service names nft resolves through /etc/services (Debian's netbase), for the ports rules name most.
    static let services = [
        "ftp": 21, "ssh": 22, "telnet": 23, "smtp": 25, "domain": 53, "http": 80, "www": 80, "kerberos": 88,
        "pop3": 110, "ntp": 123, "netbios-ssn": 139, "imap2": 143, "imap": 143, "snmp": 161, "ldap": 389,
        "https": 443, "microsoft-ds": 445, "submissions": 465, "smtps": 465, "submission": 587, "ldaps": 636,
        "rsync": 873, "imaps": 993, "pop3s": 995, "mysql": 3306, "ms-wbt-server": 3389, "postgresql": 5432,
        "http-alt": 8080,
    ]
    static let layer4 = ["tcp", "udp", "sctp", "dccp", "udplite", "th"]

    /// Reads `words`; `@set` references are replaced by the elements of `sets` (set name → elements) when known.
    init(_ words: [String], sets: [String: [String]]) {
        var index = 0
        var negated = false
        while index < words.count {
            let word = words[index]
            let next = index + 1 < words.count ? words[index + 1] : ""
            index += 1
            switch (word, next) {
            case ("ip", "saddr"), ("ip6", "saddr"):
                index += 1
                let (not, values) = Self.value(words, &index, sets: sets)
                if not { negated = true } else { sources = values }
            case ("ip", "daddr"), ("ip6", "daddr"), ("ct", "status"), ("meta", "nfproto"):
                index += 1
                _ = Self.value(words, &index, sets: sets)
            case ("ip", "protocol"), ("ip6", "nexthdr"), ("meta", "l4proto"):
                index += 1
                let (not, values) = Self.value(words, &index, sets: sets)
                if (values.contains("tcp") || values.contains("6")) == not { tcp = false }
            case (let proto, "dport") where Self.layer4.contains(proto):
                index += 1
                if proto != "tcp" && proto != "th" { tcp = false }
                let (not, values) = Self.value(words, &index, sets: sets)
                if not { negated = true } else { ports = values }
            case (let proto, _) where Self.layer4.contains(proto):
                if proto != "tcp" && proto != "th" { tcp = false }
            case ("meta", "iif"), ("meta", "iifname"), ("iif", _), ("iifname", _):
                if word == "meta" { index += 1 }
                let (not, values) = Self.value(words, &index, sets: sets)
                if !not && values == ["lo"] { excluded = true }
            case ("ct", "state"):
                index += 1
                let (not, values) = Self.value(words, &index, sets: sets)
                if values.contains("new") == not { excluded = true }
            case ("vmap", _):
                // A verdict map decides per key; whatever it accepts or hands on is read as open to all.
                let decides = words[index...].contains { ["accept", "jump", "goto"].contains($0) }
                verdict = decides ? .accept : .other
                negated = true
                index = words.count
            case ("accept", _):
                verdict = .accept
                index = words.count
            case ("jump", _), ("goto", _):
                verdict = .jump(next)
                index = words.count
            case ("drop", _), ("reject", _), ("return", _), ("queue", _):
                verdict = .other
                index = words.count
            default:
                break
            }
        }
        if sources?.contains(where: { $0 == "0.0.0.0/0" || $0 == "::/0" }) ?? false { sources = nil }
        if negated {
            sources = nil
            ports = nil
        }
    }

    /// The value at `index` (moved past it): an optional `!=`/`==`, then `{ a, b }`, `a,b` or one word; `@set`
    /// expanded when its elements are known. Before a verdict map nothing is read, and the match counts as negated
    /// (open to every value).
    static func value(_ words: [String], _ index: inout Int, sets: [String: [String]]) -> (negated: Bool, [String]) {
        var negated = false
        if index < words.count, words[index] == "!=" || words[index] == "==" {
            negated = words[index] == "!="
            index += 1
        }
        var values: [String] = []
        if index < words.count, words[index] == "vmap" { return (true, []) }
        if index < words.count, words[index] == "{" {
            index += 1
            while index < words.count, words[index] != "}" {
                if words[index] != "," { values.append(words[index]) }
                index += 1
            }
            index += 1
        } else if index < words.count {
            values.append(words[index])
            index += 1
            while index + 1 < words.count, words[index] == "," {
                values.append(words[index + 1])
                index += 2
            }
        }
        return (negated, values.flatMap { $0.hasPrefix("@") ? sets[String($0.dropFirst())] ?? [$0] : [$0] })
    }

    /// Whether `port` is among `ports` (nil = all); a name or set that cannot be resolved is read as covering it.
    static func covers(_ ports: [String]?, _ port: Int) -> Bool {
        guard let ports else { return true }
        return ports.contains { spec in
            if let number = Int(spec) { return number == port }
            if let known = services[spec] { return known == port }
            let bounds = spec.split(separator: "-").map { Int($0) }
            if bounds.count == 2, let low = bounds[0], let high = bounds[1] { return low <= port && port <= high }
            return true
        }
    }
}
