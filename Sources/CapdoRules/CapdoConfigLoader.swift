import CapdoCore
import Foundation

/// Reads `capdo.yaml` strictly (unknown keys are `file:line` errors); relative paths are resolved against
/// the file's own folder.
public enum CapdoConfigLoader {
    static let topKeys: Set<String> = [
        "organisation", "system", "systems", "profile", "variables", "rules", "waivers", "evidence", "output",
        "formats",
        "language", "history", "retention", "signing", "local_admins_allowed", "report", "lan",
    ]
    /// The profile variable `local_admins_allowed:` sets (rule `win.access.local_admins_allowed`).
    public static let localAdminsVariable = "windows_local_admins_allowed"

    public static func load(path: String) throws(CapdoError) -> CapdoConfig {
        guard let root = try YAMLReader.parseFile(path) else { return CapdoConfig(file: path) }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        return try parse(root, file: path, base: base)
    }

    static func parse(_ root: YNode, file: String, base: URL) throws(CapdoError) -> CapdoConfig {
        var context = LoadContext(file: file)
        context.ruleID = nil
        try context.checkKeys(root, allowed: topKeys, what: "capdo.yaml")
        func path(_ key: String) throws(CapdoError) -> String? {
            guard let node = root[key] else { return nil }
            let text = try context.string(node, key, line: node.line)
            return resolve(text, base: base)
        }
        var config = CapdoConfig(file: file)
        if let node = root["organisation"] {
            try context.checkKeys(
                node, allowed: ["name", "department", "address", "system"], required: ["name"], what: "organisation")
            config.organisation = Organisation(
                name: try context.string(node["name"], "organisation.name", line: node.line),
                department: node["department"]?.scalar?.stringValue, address: node["address"]?.scalar?.stringValue,
                system: node["system"]?.scalar?.stringValue)
        }
        if let node = root["report"] {
            if config.organisation == nil { config.organisation = Organisation(name: "") }
            config.organisation?.particulars = try parseParticulars(node, context: context)
        }
        var systems: [YNode] = []
        if let node = root["system"] { systems.append(node) }
        if let node = root["systems"] {
            guard let items = node.items else {
                throw context.error(node.line, "'systems' must be a list", code: .config)
            }
            systems += items
        }
        for system in systems {
            try context.checkKeys(
                system,
                allowed: [
                    "name", "level", "owner", "operator", "hosts", "roots", "evidence", "description", "snapshots",
                    "lan_targets", "tls_endpoints",
                ], required: ["name"], what: "system")
            config.systems.append(try parseSystem(system, context: context, base: base))
            if let name = system["name"]?.scalar?.stringValue, config.organisation?.system == nil {
                if config.organisation == nil { config.organisation = Organisation(name: "") }
                config.organisation?.system = name
            }
            if let level = system["level"]?.scalar?.numberValue, level != 2 {
                throw context.error(
                    system.line, "system level \(FactValue.format(level)): capdo checks level 2 only", code: .config)
            }
            for host in (system["hosts"]?.items ?? []) + (system["roots"]?.items ?? []) {
                if let text = host.scalar?.stringValue {
                    config.roots.append(resolve(text, base: base))
                } else if let rootPath = host["root"]?.scalar?.stringValue {
                    config.roots.append(resolve(rootPath, base: base))
                }
            }
            if config.evidence == nil, let evidence = system["evidence"]?.scalar?.stringValue {
                config.evidence = resolve(evidence, base: base)
            }
        }
        if let node = root["profile"] {
            let value = try context.string(node, "profile", line: node.line)
            config.profile = value.hasSuffix(".yaml") || value.contains("/") ? resolve(value, base: base) : value
        }
        if let node = root["variables"] {
            for pair in node.pairs { config.variables[pair.key] = pair.value.factValue }
        }
        if let node = root["local_admins_allowed"] {
            // Names as the rule compares them: local accounts without the computer name, domain ones as DOMAIN\name.
            let names = node.items?.compactMap { $0.scalar?.stringValue } ?? []
            guard let items = node.items, names.count == items.count else {
                throw context.error(
                    node.line, "'local_admins_allowed' must be a list of account names (Administrator, DOMAIN\\name)",
                    code: .config)
            }
            config.variables[localAdminsVariable] = .array(names.map(FactValue.string))
        }
        config.rules = try path("rules")
        config.waivers = try path("waivers")
        config.evidence = try path("evidence") ?? config.evidence
        config.output = try path("output")
        if let node = root["formats"] {
            config.formats =
                node.items?.compactMap { $0.scalar?.stringValue }
                ?? node.scalar?.stringValue?.split(separator: ",").map(String.init)
        }
        if let node = root["language"] {
            guard let language = node.scalar?.stringValue.flatMap(Language.init(rawValue:)) else {
                throw context.error(node.line, "language must be vi or en", code: .config)
            }
            config.language = language
        }
        config.history = try path("history")
        if let node = root["retention"] { config.retention = try parseRetention(node, context: context) }
        if let node = root["signing"] {
            try context.checkKeys(
                node, allowed: ["key", "certificate"], required: ["key", "certificate"], what: "signing")
            config.signing = ReportSigning(
                key: resolve(try context.string(node["key"], "signing.key", line: node.line), base: base),
                certificate: resolve(
                    try context.string(node["certificate"], "signing.certificate", line: node.line), base: base))
        }
        if let node = root["lan"] {
            try context.checkKeys(node, allowed: ["dhcp_servers"], what: "lan")
            for item in try list(node["dhcp_servers"], "lan.dhcp_servers", context: context) {
                guard NetworkSyntax.isIPv4(item.text) else {
                    throw context.error(
                        item.line, "lan.dhcp_servers: '\(item.text)' is not an IPv4 address", code: .config)
                }
                config.lanDhcpServers.append(item.text)
            }
        }
        return config
    }

    /// `report:` — the particulars of the administrative documents (number code, place, basis, signer, recipients).
    static func parseParticulars(_ node: YNode, context: LoadContext) throws(CapdoError) -> ReportParticulars {
        try context.checkKeys(
            node, allowed: ["code", "place", "basis", "signer", "recipients", "lan_authorisation"], what: "report")
        var particulars = ReportParticulars(
            code: node["code"]?.scalar?.stringValue, place: node["place"]?.scalar?.stringValue,
            basis: try list(node["basis"], "report.basis", context: context).map(\.text),
            recipients: try list(node["recipients"], "report.recipients", context: context).map(\.text),
            lanAuthorisation: node["lan_authorisation"]?.scalar?.stringValue)
        if let signer = node["signer"] {
            try context.checkKeys(signer, allowed: ["title", "name"], what: "report.signer")
            particulars.signerTitle = signer["title"]?.scalar?.stringValue
            particulars.signerName = signer["name"]?.scalar?.stringValue
        }
        return particulars
    }

    static func parseSystem(_ node: YNode, context: LoadContext, base: URL) throws(CapdoError) -> InformationSystem {
        var system = InformationSystem(
            name: try context.string(node["name"], "system.name", line: node.line),
            owner: node["owner"]?.scalar?.stringValue, operator: node["operator"]?.scalar?.stringValue,
            description: node["description"]?.scalar?.stringValue, location: "\(context.file):\(node.line)")
        if let level = node["level"] {
            guard let number = level.scalar?.integerValue else {
                throw context.error(level.line, "system level must be a number (2)", code: .config)
            }
            system.level = number
        }
        for host in node["hosts"]?.items ?? [] {
            if let text = host.scalar?.stringValue {
                system.roots.append(resolve(text, base: base))
                continue
            }
            try context.checkKeys(host, allowed: ["name", "root", "snapshot"], what: "host")
            if let name = host["name"]?.scalar?.stringValue { system.hostNames.append(name) }
            if let rootPath = host["root"]?.scalar?.stringValue { system.roots.append(resolve(rootPath, base: base)) }
            if let snapshot = host["snapshot"]?.scalar?.stringValue {
                system.snapshots.append(resolve(snapshot, base: base))
            }
        }
        for item in node["roots"]?.items ?? [] {
            system.roots.append(resolve(try context.string(item, "roots[]", line: item.line), base: base))
        }
        system.snapshots += try list(node["snapshots"], "snapshots", context: context).map {
            resolve($0.text, base: base)
        }
        for item in try list(node["lan_targets"], "lan_targets", context: context) {
            guard NetworkSyntax.isTarget(item.text) else {
                throw context.error(
                    item.line, "lan_targets: '\(item.text)' is not an IPv4/IPv6 address or CIDR range", code: .config)
            }
            system.lanTargets.append(item.text)
        }
        for item in try list(node["tls_endpoints"], "tls_endpoints", context: context) {
            guard NetworkSyntax.isEndpoint(item.text) else {
                throw context.error(
                    item.line, "tls_endpoints: '\(item.text)' must be HOST:PORT (port 1–65535)", code: .config)
            }
            system.tlsEndpoints.append(item.text)
        }
        return system
    }

    /// A list of texts (a single text counts as a list of one), with each item's line.
    static func list(_ node: YNode?, _ what: String, context: LoadContext) throws(CapdoError) -> [(
        text: String, line: Int
    )] {
        guard let node else { return [] }
        if let text = node.scalar?.stringValue { return [(text, node.line)] }
        guard let items = node.items else {
            throw context.error(node.line, "'\(what)' must be a list of texts, found \(node.kindName)", code: .config)
        }
        var result: [(text: String, line: Int)] = []
        for item in items { result.append((try context.string(item, "\(what)[]", line: item.line), item.line)) }
        return result
    }

    static func parseRetention(_ node: YNode, context: LoadContext) throws(CapdoError) -> HistoryRetention {
        func count(_ value: YNode, _ what: String) throws(CapdoError) -> Int {
            guard let number = value.scalar?.integerValue, number >= 1 else {
                throw context.error(value.line, "retention \(what) must be a whole number ≥ 1", code: .config)
            }
            return number
        }
        if node.scalar != nil { return HistoryRetention(days: try count(node, "days")) }
        try context.checkKeys(node, allowed: ["days", "scans"], what: "retention")
        var retention = HistoryRetention()
        if let days = node["days"] { retention.days = try count(days, "days") }
        if let scans = node["scans"] { retention.scans = try count(scans, "scans") }
        return retention
    }

    /// Resolves against the config file's folder; a result under the working directory is shown relative to it,
    /// so reports do not depend on where the repository or /etc/capdo happens to be.
    static func resolve(_ path: String, base: URL) -> String {
        if path.hasPrefix("/") { return path }
        let absolute = base.appendingPathComponent(path).standardizedFileURL.path
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        if absolute == cwd { return "." }
        if absolute.hasPrefix(cwd + "/") { return String(absolute.dropFirst(cwd.count + 1)) }
        return absolute
    }
}
