import CapdoCore
import Foundation

/// Parses the audit rules `auditd.service` loads (`config.audit_rules`).
///
/// Files: what the unit's `ExecStartPost=` loads (`AuditRulesLoader`): with `augenrules --load` (Debian's
/// unit) the `etc/audit/rules.d/*.rules` files in `ls -v` order (`etc/audit/audit.rules` when there is no
/// `rules.d`); with `auditctl -R FILE` that file; nothing when the unit loads no rules. Without a unit,
/// `rules.d` when it has rules, else `audit.rules`.
/// Keys: `watch:<path>` = permissions of `-w` rules in `rwxa` order (`rwxa` when `-p` is absent; a trailing
/// slash of the path is dropped, as it names the same watch); `syscall:<name>` = the
/// space-joined `arch=` values of `-a`/`-A` rules naming it (`any` without an arch filter); `key:<k>` = rules
/// tagged `-k k` or `-F key=k`; `rules` = number of `-w` and `-a`/`-A` rules. Control lines (`-D`, `-b`, `-e`)
/// are not rules; `enabled` = the value of the last `-e` (`2` locks the rules until reboot, as `auditctl -s`
/// shows after loading); `execve_privileged` = `execve` rules that pick out runs with root rights (`-F euid=0`,
/// or `-C euid!=uid` / `-C uid!=euid`).
public enum AuditRulesParser: ConfigFileParser {
    public static let collector = "config.audit_rules"
    public static let summary = "Audit watch and syscall rules (rules.d)"

    public static let compiledFile = "etc/audit/audit.rules"
    public static let rulesDirectory = "etc/audit/rules.d"

    /// The files loaded, in order, for a loader.
    public static func order(_ files: ConfigFiles, loader: AuditRulesLoader) -> [String] {
        let dropIns = files.list(rulesDirectory).filter { $0.hasSuffix(".rules") && !$0.hasPrefix(".") }
            .sorted(by: versionOrder).map { rulesDirectory + "/" + $0 }
        switch loader {
        case .augenrules: return files.isDirectory(rulesDirectory) ? dropIns : [compiledFile]
        case .auditctl(let loaded, _, _): return loaded
        case .none: return []
        case .noUnit: return dropIns.isEmpty ? [compiledFile] : dropIns
        }
    }

    /// `ls -v` order: runs of digits compare as numbers (`9-x.rules` before `10-y.rules`), the rest bytewise.
    public static func versionOrder(_ a: String, _ b: String) -> Bool {
        var left = Substring(a)
        var right = Substring(b)
        while let l = left.first, let r = right.first {
            if l.isASCII && l.isNumber && r.isASCII && r.isNumber {
                let leftDigits = left.prefix { $0.isASCII && $0.isNumber }
                let rightDigits = right.prefix { $0.isASCII && $0.isNumber }
                let leftValue = leftDigits.drop { $0 == "0" }
                let rightValue = rightDigits.drop { $0 == "0" }
                if leftValue.count != rightValue.count { return leftValue.count < rightValue.count }
                if leftValue != rightValue { return leftValue < rightValue }
                left = left.dropFirst(leftDigits.count)
                right = right.dropFirst(rightDigits.count)
            } else {
                if l != r { return String(l).utf8.lexicographicallyPrecedes(String(r).utf8) }
                left = left.dropFirst()
                right = right.dropFirst()
            }
        }
        return left.isEmpty && !right.isEmpty ? true : (left.isEmpty && right.isEmpty ? a < b : false)
    }

    /// `wa` for `aw`: permission letters in `rwxa` order, so rules can match `w` and `a` together.
    public static func canonicalPermissions(_ text: String) -> String {
        String("rwxa".filter { text.contains($0) })
    }

    /// True for a rule limited to runs with root rights: `-F euid=0`, or a comparison of `uid` and `euid`.
    static func selectsRootRights(_ options: [(String, String)]) -> Bool {
        options.contains { option, value in
            (option == "-F" && value == "euid=0")
                || (option == "-C" && ["euid!=uid", "uid!=euid"].contains(value))
        }
    }

    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        let (loader, unitIssues) = AuditRulesLoader.find(files)
        var reader = ConfigFileReader(collector: collector, files: files)
        for issue in unitIssues { reader.report(file: issue.file, line: issue.line, issue.message) }
        var entries: [String: ConfigEntry] = [:]
        var rules = 0
        var privileged = 0
        var firstRule: (String, Int)?
        switch loader {
        case .augenrules(let unit, let line), .auditctl(_, let unit, let line):
            _ = reader.text(unit)
            entries["loader"] = ConfigEntry(value: loader.name, file: unit, line: line)
        case .none(let unit):
            _ = reader.text(unit)
            entries["loader"] = ConfigEntry(value: loader.name, file: unit)
            entries["rules"] = ConfigEntry(value: "0", file: unit)
        case .noUnit:
            break
        }
        var arches: [String: [String]] = [:]
        var keyCounts: [String: Int] = [:]
        var keyLocations: [String: ConfigEntry] = [:]
        for path in order(files, loader: loader) {
            guard let text = reader.text(path) else { continue }
            for line in reader.lines(text, file: path) {
                let words = ConfigWords.split(line.text)
                guard let first = words.first, !first.hasPrefix("#") else { continue }
                guard first.hasPrefix("-") else {
                    reader.report(
                        file: path, line: line.number, "not an audit rule (no leading '-'); the line is not shown")
                    continue
                }
                var options: [(String, String)] = []
                var index = 0
                while index < words.count {
                    let option = words[index]
                    let takesValue = ["-w", "-p", "-k", "-a", "-A", "-S", "-F", "-W", "-C", "-e"].contains(option)
                    if takesValue {
                        guard index + 1 < words.count else {
                            reader.report(file: path, line: line.number, "\(option) without a value")
                            break
                        }
                        options.append((option, words[index + 1]))
                        index += 2
                    } else {
                        options.append((option, ""))
                        index += 1
                    }
                }
                let names = Set(options.map(\.0))
                if let enabled = options.last(where: { $0.0 == "-e" }) {
                    entries["enabled"] = ConfigEntry(value: enabled.1, file: path, line: line.number)
                }
                let isWatch = names.contains("-w")
                let isSyscall = names.contains("-a") || names.contains("-A")
                guard isWatch || isSyscall else { continue }
                rules += 1
                if firstRule == nil { firstRule = (path, line.number) }
                var keys = options.filter { $0.0 == "-k" }.map(\.1)
                keys += options.filter { $0.0 == "-F" && $0.1.hasPrefix("key=") }.map { String($0.1.dropFirst(4)) }
                for key in keys {
                    keyCounts[key, default: 0] += 1
                    if keyLocations[key] == nil {
                        keyLocations[key] = ConfigEntry(value: "", file: path, line: line.number)
                    }
                }
                if isWatch, var watched = options.first(where: { $0.0 == "-w" })?.1 {
                    while watched.count > 1 && watched.hasSuffix("/") { watched.removeLast() }
                    let permissions = canonicalPermissions(options.first { $0.0 == "-p" }?.1 ?? "rwxa")
                    entries["watch:" + watched] = ConfigEntry(value: permissions, file: path, line: line.number)
                }
                if isSyscall {
                    let arch = options.first { $0.0 == "-F" && $0.1.hasPrefix("arch=") }.map {
                        String($0.1.dropFirst(5))
                    }
                    let calls = options.filter { $0.0 == "-S" }.flatMap { $0.1.split(separator: ",").map(String.init) }
                    if calls.contains("execve") && Self.selectsRootRights(options) {
                        privileged += 1
                        if entries["execve_privileged"] == nil {
                            entries["execve_privileged"] = ConfigEntry(value: "", file: path, line: line.number)
                        }
                    }
                    for call in calls {
                        let name = "syscall:" + call
                        var list = arches[name, default: []]
                        let value = arch ?? "any"
                        if !list.contains(value) { list.append(value) }
                        arches[name] = list
                        if entries[name] == nil {
                            entries[name] = ConfigEntry(value: "", file: path, line: line.number)
                        }
                    }
                }
            }
        }
        if reader.found {
            let first = entries["execve_privileged"]
            entries["execve_privileged"] = ConfigEntry(value: String(privileged), file: first?.file, line: first?.line)
        }
        for (name, list) in arches { entries[name]?.value = list.sorted().joined(separator: " ") }
        for (key, count) in keyCounts {
            entries["key:" + key] = ConfigEntry(
                value: String(count), file: keyLocations[key]?.file, line: keyLocations[key]?.line)
        }
        if reader.found && entries["rules"] == nil {
            entries["rules"] = ConfigEntry(value: String(rules), file: firstRule?.0, line: firstRule?.1)
        }
        return (reader.section(entries), reader.issues)
    }
}
