import CapdoCore

/// Which sources the host firewall lets in on administration ports (`config.firewall_accept`).
///
/// Reads rules in `iptables-save` form: ufw's `etc/ufw/user.rules` and `user6.rules` (when `etc/ufw/ufw.conf` says
/// `ENABLED=yes`) and iptables-persistent's `etc/iptables/rules.v4` and `rules.v6`. A rule counts when it is
/// appended to an input chain (`INPUT`, `ufw-user-input`, `ufw6-user-input`), jumps to `ACCEPT` or ufw's
/// `ufw-user-limit-accept`, matches TCP or every protocol, covers the port (`--dport`, `--dports` lists and
/// ranges, or no port at all), does not only take loopback (`-i lo`) and is not limited to established
/// connections. Keys: `tcp.<port>` for 22, 23, 3389 and 5900 = the space-joined sources (`-s`), `any` for a
/// rule without one; located at the first such rule. A negated match (`! -s …`, `! --dport …`) is read the safe way
/// round: the rule admits `any` source on every port.
///
/// Also reads the nftables rule set `etc/nftables.conf` loads (`NftablesRuleset`): the rules of `ip`, `ip6` and
/// `inet` chains hooked to input, and of the chains they `jump` or `goto`, as `NftablesRuleMatch` reads them; a
/// jump's own source and port matches narrow the rules of the chain it enters.
public enum FirewallAcceptParser: ConfigFileParser {
    public static let collector = "config.firewall_accept"
    public static let summary = "Sources the firewall accepts on administration ports (ufw, iptables)"
    public static let ports = [22, 23, 3389, 5900]
    static let inputChains: Set<String> = ["INPUT", "ufw-user-input", "ufw6-user-input"]
    static let acceptTargets: Set<String> = ["ACCEPT", "ufw-user-limit-accept", "ufw6-user-limit-accept"]

    /// The source an accepting input rule admits on `port`, `any` without `-s`; nil when the rule does not apply.
    public static func acceptedSource(_ line: String, port: Int) -> String? {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        var options: [String: String] = [:]
        var negated = false
        var index = 0
        while index < words.count {
            let word = words[index]
            if word == "!" {
                negated = true
                index += 1
            } else if word.hasPrefix("-"), index + 1 < words.count, !words[index + 1].hasPrefix("-") {
                options[word] = words[index + 1]
                index += 2
            } else {
                options[word] = ""
                index += 1
            }
        }
        guard let chain = options["-A"] ?? options["-I"], inputChains.contains(chain),
            let target = options["-j"], acceptTargets.contains(target),
            options["-i"] != "lo", options["-p"].map({ $0 == "tcp" || $0 == "all" }) ?? true
        else { return nil }
        if let state = options["--ctstate"] ?? options["--state"], !state.split(separator: ",").contains("NEW") {
            return nil
        }
        if negated { return "any" }
        if let ports = options["--dport"] ?? options["--dports"] ?? options["--destination-port"],
            !covers(ports, port: port)
        {
            return nil
        }
        return options["-s"] ?? options["--source"] ?? "any"
    }

    /// Whether `22`, `20:25` or `80,443,22` covers the port.
    static func covers(_ spec: String, port: Int) -> Bool {
        spec.split(separator: ",").contains { part in
            let bounds = part.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
            if bounds.count == 1, let only = bounds[0] { return only == port }
            if bounds.count == 2 { return (bounds[0] ?? 0) <= port && port <= (bounds[1] ?? 65535) }
            return false
        }
    }

    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        var reader = ConfigFileReader(collector: collector, files: files)
        var paths = ["etc/iptables/rules.v4", "etc/iptables/rules.v6"]
        if let ufw = reader.text("etc/ufw/ufw.conf"),
            ufw.split(separator: "\n").contains(where: {
                FirewallParser.shellAssignment(String($0)).map { $0.0 == "ENABLED" && $0.1.lowercased() == "yes" }
                    ?? false
            })
        {
            paths = ["etc/ufw/user.rules", "etc/ufw/user6.rules"] + paths
        }
        var found: [Int: (sources: [String], file: String, line: Int)] = [:]
        for path in paths {
            guard let text = reader.text(path) else { continue }
            for line in reader.lines(text, file: path) where line.text.hasPrefix("-A ") || line.text.hasPrefix("-I ") {
                for port in ports {
                    guard let source = acceptedSource(line.text, port: port) else { continue }
                    var entry = found[port] ?? ([], path, line.number)
                    if !entry.sources.contains(source) { entry.sources.append(source) }
                    found[port] = entry
                }
            }
        }
        let ruleset = NftablesRuleset.read("etc/nftables.conf", with: &reader, maxDepth: FirewallParser.maxDepth)
        for accept in nftablesAccepts(ruleset) {
            var entry = found[accept.port] ?? ([], accept.rule.file, accept.rule.line)
            if !entry.sources.contains(accept.source) { entry.sources.append(accept.source) }
            found[accept.port] = entry
        }
        var entries: [String: ConfigEntry] = [:]
        for (port, entry) in found {
            entries["tcp.\(port)"] = ConfigEntry(
                value: entry.sources.joined(separator: " "), file: entry.file, line: entry.line)
        }
        return (reader.section(entries), reader.issues)
    }

    /// Every (administration port, source, rule) that an nftables input chain, or a chain it jumps to, accepts new
    /// TCP connections with.
    static func nftablesAccepts(_ ruleset: NftablesRuleset) -> [(port: Int, source: String, rule: NftablesRuleset.Rule)]
    {
        var out: [(port: Int, source: String, rule: NftablesRuleset.Rule)] = []
        func walk(_ chain: NftablesRuleset.Chain, sources: [String]?, ports: [[String]], depth: Int) {
            guard depth <= FirewallParser.maxDepth else { return }
            let sets = ruleset.sets[chain.table] ?? [:]
            for rule in chain.rules {
                let match = NftablesRuleMatch(rule.words, sets: sets)
                guard match.tcp, !match.excluded, let verdict = match.verdict else { continue }
                let scopeSources = match.sources ?? sources
                let scopePorts = match.ports.map { ports + [$0] } ?? ports
                switch verdict {
                case .accept:
                    for port in Self.ports where scopePorts.allSatisfy({ NftablesRuleMatch.covers($0, port) }) {
                        for source in scopeSources ?? ["any"] { out.append((port, source, rule)) }
                    }
                case .jump(let name):
                    guard let target = ruleset.chain(name, in: chain.table) else { continue }
                    walk(target, sources: scopeSources, ports: scopePorts, depth: depth + 1)
                case .other:
                    continue
                }
            }
        }
        for chain in ruleset.chains where chain.hook == "input" {
            guard let family = chain.table.split(separator: " ").first, ["ip", "ip6", "inet"].contains(family) else {
                continue
            }
            walk(chain, sources: nil, ports: [], depth: 0)
        }
        return out
    }
}
