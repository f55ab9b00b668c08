import CapdoCore

/// Finds the shell idle timeout a login shell ends up with from `etc/profile`, `etc/bash.bashrc` and
/// `etc/profile.d/*.sh`: `TMOUT=900`, `export TMOUT=…`, `readonly TMOUT[=…]`, `declare -r TMOUT=…`,
/// `typeset -r …`, `unset TMOUT`.
///
/// The files are read in login order: `etc/profile` line by line, with `bash.bashrc` run where
/// `etc/profile` sources it and the `profile.d` scripts (in name order) where it loops over them; a file
/// `etc/profile` does not mention runs after it (bash.bashrc first, as Debian's profile has it). The
/// assignments then play out as bash plays them: the last one wins until one makes TMOUT read-only, after
/// which bash refuses every later assignment. Keys: `TMOUT` = the value in force, located where it is set;
/// `TMOUT_readonly` = where it was made read-only (`yes`), else `no`.
public enum ShellTimeoutParser {
    public static let collector = "config.shell"
    static let profile = "etc/profile"
    static let bashrc = "etc/bash.bashrc"

    public static func parse(_ source: ConfigTextSource) -> (ConfigSection, [CollectionIssue]) {
        var state = State(source: source)
        let scripts = source.files(in: "etc/profile.d") { $0.hasSuffix(".sh") }
        var pendingBashrc = true
        var pendingScripts = true
        if let text = state.read(profile) {
            for (number, line) in ConfigLines.split(text) {
                state.run(line, file: profile, number: number)
                let code = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                if pendingBashrc && code.contains("/" + bashrc) {
                    pendingBashrc = false
                    state.runFile(bashrc)
                }
                if pendingScripts && code.contains("/etc/profile.d") {
                    pendingScripts = false
                    for script in scripts { state.runFile(script) }
                }
            }
        }
        if pendingBashrc { state.runFile(bashrc) }
        if pendingScripts { for script in scripts { state.runFile(script) } }
        guard !state.files.isEmpty else { return (ConfigSection(present: false), state.issues) }
        var entries: [String: ConfigEntry] = [:]
        entries["TMOUT"] = state.value
        entries["TMOUT_readonly"] = state.readonly ?? ConfigEntry(value: "no")
        return (ConfigSection(files: state.files, present: true, entries: entries), state.issues)
    }

    /// The shell variable as the files leave it.
    struct State {
        let source: ConfigTextSource
        var files: [String] = []
        var issues: [CollectionIssue] = []
        var value: ConfigEntry?
        var readonly: ConfigEntry?

        init(source: ConfigTextSource) {
            self.source = source
        }

        mutating func read(_ path: String) -> String? {
            guard let text = source.text(path, collector: ShellTimeoutParser.collector, issues: &issues) else {
                return nil
            }
            files.append(path)
            return text
        }

        mutating func runFile(_ path: String) {
            guard let text = read(path) else { return }
            for (number, line) in ConfigLines.split(text) { run(line, file: path, number: number) }
        }

        /// Applies the TMOUT assignments of one line, in order.
        mutating func run(_ line: Substring, file: String, number: Int) {
            guard line.contains("TMOUT") else { return }
            let code = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            for command in code.split(whereSeparator: { $0 == ";" || $0 == "&" || $0 == "|" }) {
                let words = command.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                if words.first == "unset", words.dropFirst().contains("TMOUT") {
                    if readonly == nil { value = nil }
                    continue
                }
                guard let (assigned, isReadonly) = ShellTimeoutParser.assignment(words) else { continue }
                if let readonly {
                    if assigned != nil {
                        issues.append(
                            CollectionIssue(
                                collector: ShellTimeoutParser.collector, level: .warning, file: file, line: number,
                                message:
                                    "TMOUT is read-only since \(readonly.file ?? ""):\(readonly.line ?? 0); "
                                    + "the shell refuses this assignment"))
                    }
                    continue
                }
                if let assigned {
                    if Int(assigned).map({ $0 < 0 }) ?? true {
                        issues.append(
                            CollectionIssue(
                                collector: ShellTimeoutParser.collector, level: .warning, file: file, line: number,
                                message: "TMOUT set to a non-numeric value '\(assigned.prefix(40))'"))
                    }
                    value = ConfigEntry(value: assigned, file: file, line: number)
                }
                if isReadonly { readonly = ConfigEntry(value: "yes", file: file, line: number) }
            }
        }
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
