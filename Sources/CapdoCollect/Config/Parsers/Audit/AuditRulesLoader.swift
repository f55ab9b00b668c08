import CapdoCore

/// How `auditd.service` loads the audit rules at start, read from the unit and its drop-ins.
///
/// The unit is the first `auditd.service` on the system unit search path; its `[Service]` `ExecStartPost=`
/// commands (a list an empty assignment resets) decide: `augenrules --load` compiles `etc/audit/rules.d`
/// into `etc/audit/audit.rules` and loads it (Debian's unit); `auditctl -R FILE` loads FILE as it is.
public enum AuditRulesLoader: Sendable, Equatable {
    /// `augenrules --load`: the `rules.d/*.rules` files, from the unit line that runs it.
    case augenrules(unit: String, line: Int?)
    /// `auditctl -R FILE`, root-relative files in the order they are loaded.
    case auditctl(files: [String], unit: String, line: Int?)
    /// The unit exists but loads no rules file.
    case none(unit: String)
    /// No `auditd.service` under the root (another init system, or a partial image).
    case noUnit

    public static let unit = SystemdConfigParser(
        collector: AuditRulesParser.collector, name: "auditd.service", section: "Service",
        listKeys: ["ExecStartPost"], mainDirectories: SystemdConfigParser.unitDirectories,
        dropInDirectories: SystemdConfigParser.unitDirectories)

    /// `augenrules`, `auditctl`, `none` (the `loader` key of `config.audit_rules`); empty without a unit.
    public var name: String {
        switch self {
        case .augenrules: "augenrules"
        case .auditctl: "auditctl"
        case .none: "none"
        case .noUnit: ""
        }
    }

    /// The loader of the root's unit, and the unit's parse issues.
    public static func find(_ files: ConfigFiles) -> (AuditRulesLoader, [CollectionIssue]) {
        let name = unit.name
        guard let home = unit.mainDirectories.first(where: { files.list($0).contains(name) }),
            !files.isMasked(home + "/" + name)
        else { return (.noUnit, []) }
        let main = home + "/" + name
        let (entries, reader) = unit.parse(files)
        let issues = reader.issues.filter { $0.level == .error }
        guard let post = entries["ExecStartPost"] else { return (.none(unit: main), issues) }
        let unitFile = post.file ?? main
        let words = post.value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        var loaded: [String] = []
        for (index, word) in words.enumerated() {
            switch program(word) {
            case "augenrules" where words[(index + 1)...].prefix { program($0) == nil }.contains("--load"):
                return (.augenrules(unit: unitFile, line: post.line), issues)
            case "auditctl":
                let arguments = Array(words[(index + 1)...].prefix { program($0) == nil })
                for (position, argument) in arguments.enumerated()
                where argument == "-R" && position + 1 < arguments.count {
                    loaded.append(ConfigFilePath.normalize(arguments[position + 1]))
                }
            default:
                continue
            }
        }
        if loaded.isEmpty { return (.none(unit: main), issues) }
        return (.auditctl(files: loaded, unit: unitFile, line: post.line), issues)
    }

    /// `augenrules` for `-/sbin/augenrules` (systemd's `-@:+!` prefixes dropped); nil for other words. The
    /// list's commands come joined, so a rule loader's arguments run to the next loader.
    static func program(_ word: String) -> String? {
        let path = word.drop { "-@:+!".contains($0) }
        guard path.hasPrefix("/"), let name = path.split(separator: "/").last.map(String.init) else { return nil }
        return ["augenrules", "auditctl"].contains(name) ? name : nil
    }
}
