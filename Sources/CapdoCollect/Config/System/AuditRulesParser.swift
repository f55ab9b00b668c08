import CapdoCore
import Foundation

/// Parses audit rules as augenrules loads them (`config.audit_rules`).
///
/// Files: `etc/audit/rules.d/*.rules` in name order, or `etc/audit/audit.rules` when there are none.
/// Keys: `watch:<path>` = permissions (`rwxa` when `-p` is absent) of `-w` rules; `syscall:<name>` = the
/// space-joined `arch=` values of `-a`/`-A` rules naming it (`any` without an arch filter); `key:<k>` = rules
/// tagged `-k k` or `-F key=k`; `rules` = number of `-w` and `-a`/`-A` rules. Control lines (`-D`, `-b`, `-e`)
/// are not rules.
public enum AuditRulesParser {
    public static let collector = "config.audit_rules"

    /// The files augenrules would concatenate.
    public static func order(_ files: SystemConfigFiles) -> [String] {
        let dropIns = files.list("etc/audit/rules.d").filter { $0.hasSuffix(".rules") && !$0.hasPrefix(".") }
        if dropIns.isEmpty { return ["etc/audit/audit.rules"] }
        return dropIns.map { "etc/audit/rules.d/" + $0 }
    }

    public static func parse(_ files: SystemConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        var reader = SystemConfigReader(collector: collector, files: files)
        var entries: [String: ConfigEntry] = [:]
        var rules = 0
        var firstRule: (String, Int)?
        var arches: [String: [String]] = [:]
        var keyCounts: [String: Int] = [:]
        var keyLocations: [String: ConfigEntry] = [:]
        for path in order(files) {
            guard let text = reader.text(path) else { continue }
            for line in reader.lines(text, file: path) {
                let words = SystemConfigWords.split(line.text)
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
                    let takesValue = ["-w", "-p", "-k", "-a", "-A", "-S", "-F", "-W", "-C"].contains(option)
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
                if isWatch, let watched = options.first(where: { $0.0 == "-w" })?.1 {
                    let permissions = options.first { $0.0 == "-p" }?.1 ?? "rwxa"
                    entries["watch:" + watched] = ConfigEntry(value: permissions, file: path, line: line.number)
                }
                if isSyscall {
                    let arch = options.first { $0.0 == "-F" && $0.1.hasPrefix("arch=") }.map {
                        String($0.1.dropFirst(5))
                    }
                    let calls = options.filter { $0.0 == "-S" }.flatMap { $0.1.split(separator: ",").map(String.init) }
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
        for (name, list) in arches { entries[name]?.value = list.sorted().joined(separator: " ") }
        for (key, count) in keyCounts {
            entries["key:" + key] = ConfigEntry(
                value: String(count), file: keyLocations[key]?.file, line: keyLocations[key]?.line)
        }
        if reader.found {
            entries["rules"] = ConfigEntry(value: String(rules), file: firstRule?.0, line: firstRule?.1)
        }
        return (reader.section(entries), reader.issues)
    }
}
