import CapdoCore
import Foundation

/// Parses host firewall configuration for the inbound default policy (`config.firewall`).
///
/// Sources: ufw (`etc/ufw/ufw.conf` `ENABLED`, `etc/default/ufw` `DEFAULT_INPUT_POLICY`), nftables
/// (`etc/nftables.conf` and its `include`s: the policy of chains with `hook input`) and iptables-persistent
/// (`etc/iptables/rules.v4`, `rules.v6`: the `filter` table's `:INPUT` policy). `default_deny_inbound` is `yes`
/// when one of them drops unmatched inbound traffic by default, located at the line that proves it.
public struct FirewallParser: ConfigFileParser {
    public static let collector = "config.firewall"
    public static let summary = "ufw, nftables and iptables inbound default policy"
    public static let maxDepth = 8

    var reader: ConfigFileReader
    var entries: [String: ConfigEntry] = [:]
    /// Input-hook chains found: policy and where it was set (or where the chain was declared).
    var inputChains: [ConfigEntry] = []

    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        var parser = FirewallParser(reader: ConfigFileReader(collector: collector, files: files))
        parser.ufw()
        parser.nftables("etc/nftables.conf")
        if let drop = parser.inputChains.first(where: { $0.value == "drop" }) ?? parser.inputChains.first {
            parser.entries["nftables_input_policy"] = drop
        }
        parser.iptables("etc/iptables/rules.v4", key: "iptables_input_policy")
        parser.iptables("etc/iptables/rules.v6", key: "ip6tables_input_policy")
        parser.decide()
        return (parser.reader.section(parser.entries), parser.reader.issues)
    }

    /// `KEY=value` shell assignments with quotes removed.
    public static func shellAssignment(_ text: String) -> (String, String)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { return nil }
        let key = String(trimmed[..<equals])
        var value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        if let hash = value.range(of: " #") { value = String(value[..<hash.lowerBound]) }
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            value = String(value.dropFirst().dropLast())
        }
        return (key, value)
    }
}

private extension FirewallParser {
    mutating func ufw() {
        for (path, key, name) in [
            ("etc/ufw/ufw.conf", "ENABLED", "ufw_enabled"),
            ("etc/default/ufw", "DEFAULT_INPUT_POLICY", "ufw_default_input"),
        ] {
            guard let text = reader.text(path) else { continue }
            for line in reader.lines(text, file: path) {
                guard let (found, value) = Self.shellAssignment(line.text), found == key else { continue }
                let normalised = name == "ufw_enabled" ? value.lowercased() : value.uppercased()
                entries[name] = ConfigEntry(value: normalised, file: path, line: line.number)
            }
        }
    }

    mutating func iptables(_ path: String, key: String) {
        guard let text = reader.text(path) else { return }
        var table = ""
        for line in reader.lines(text, file: path) {
            let trimmed = line.text.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("*") {
                table = String(trimmed.dropFirst())
            } else if table == "filter" && trimmed.hasPrefix(":INPUT ") {
                let words = trimmed.split(separator: " ")
                guard words.count >= 2 else { continue }
                entries[key] = ConfigEntry(value: String(words[1]).uppercased(), file: path, line: line.number)
            }
        }
    }

    /// The policy of every chain hooked to input in the rule set `path` loads (accept when it sets none).
    mutating func nftables(_ path: String) {
        let ruleset = NftablesRuleset.read(path, with: &reader, maxDepth: Self.maxDepth)
        for chain in ruleset.chains where chain.hook == "input" {
            inputChains.append(chain.policy ?? ConfigEntry(value: "accept", file: chain.file, line: chain.line))
        }
    }

    mutating func decide() {
        guard reader.found else { return }
        var proof: ConfigEntry?
        if entries["ufw_enabled"]?.value == "yes", let policy = entries["ufw_default_input"],
            policy.value == "DROP" || policy.value == "REJECT"
        {
            proof = policy
        }
        if proof == nil, let nft = entries["nftables_input_policy"], nft.value == "drop" { proof = nft }
        if proof == nil, let ipt = entries["iptables_input_policy"], ipt.value == "DROP" { proof = ipt }
        if let proof {
            entries["default_deny_inbound"] = ConfigEntry(value: "yes", file: proof.file, line: proof.line)
        } else {
            entries["default_deny_inbound"] = ConfigEntry(value: "no")
        }
    }
}
