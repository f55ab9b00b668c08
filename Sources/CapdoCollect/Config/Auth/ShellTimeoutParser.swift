import CapdoCore

/// Finds the shell idle timeout in `etc/profile`, `etc/profile.d/*.sh` and `etc/bash.bashrc`:
/// `TMOUT=900`, `export TMOUT=…`, `readonly TMOUT[=…]`, `declare -r TMOUT=…`, `typeset -r …`.
///
/// Keys: `TMOUT` = the smallest value set, located where it is set; `TMOUT_readonly` = `yes` when some file
/// makes it read-only, else `no`.
public enum ShellTimeoutParser {
    public static let collector = "config.shell"

    public static func parse(_ source: ConfigTextSource) -> (ConfigSection, [CollectionIssue]) {
        var issues: [CollectionIssue] = []
        let paths = ["etc/profile"] + source.files(in: "etc/profile.d") { $0.hasSuffix(".sh") } + ["etc/bash.bashrc"]
        var files: [String] = []
        var smallest: ConfigEntry?
        var readonly: ConfigEntry?
        for path in paths {
            guard let text = source.text(path, collector: collector, issues: &issues) else { continue }
            files.append(path)
            for (number, line) in ConfigLines.split(text) where line.contains("TMOUT") {
                let code = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                for command in code.split(whereSeparator: { $0 == ";" || $0 == "&" || $0 == "|" }) {
                    let words = command.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                    guard let (value, isReadonly) = assignment(words) else { continue }
                    if isReadonly && readonly == nil { readonly = ConfigEntry(value: "yes", file: path, line: number) }
                    guard let value else { continue }
                    guard let seconds = Int(value), seconds >= 0 else {
                        issues.append(
                            CollectionIssue(
                                collector: collector, level: .warning, file: path, line: number,
                                message: "TMOUT set to a non-numeric value '\(value.prefix(40))'"))
                        continue
                    }
                    if smallest == nil || seconds < Int(smallest?.value ?? "") ?? Int.max {
                        smallest = ConfigEntry(value: String(seconds), file: path, line: number)
                    }
                }
            }
        }
        guard !files.isEmpty else { return (ConfigSection(present: false), issues) }
        var entries: [String: ConfigEntry] = [:]
        entries["TMOUT"] = smallest
        entries["TMOUT_readonly"] = readonly ?? ConfigEntry(value: "no")
        return (ConfigSection(files: files, present: true, entries: entries), issues)
    }

    /// The value assigned to TMOUT by one simple command (nil when none) and whether it makes TMOUT read-only.
    static func assignment(_ words: [String]) -> (String?, Bool)? {
        var index = 0
        var isReadonly = false
        if let first = words.first, ["export", "readonly", "declare", "typeset", "local"].contains(first) {
            isReadonly = first == "readonly"
            index = 1
            while index < words.count, words[index].hasPrefix("-") {
                if words[index].dropFirst().contains("r") && first != "export" { isReadonly = true }
                index += 1
            }
        }
        var found = false
        var value: String?
        for word in words[index...] {
            if word == "TMOUT" {
                found = true
            } else if word.hasPrefix("TMOUT=") {
                found = true
                var raw = String(word.dropFirst(6))
                if raw.count >= 2, let quote = raw.first, quote == "\"" || quote == "'", raw.last == quote {
                    raw = String(raw.dropFirst().dropLast())
                }
                value = raw
            } else if index == 0 {
                break
            }
        }
        guard found else { return nil }
        return (value, isReadonly && found)
    }
}
