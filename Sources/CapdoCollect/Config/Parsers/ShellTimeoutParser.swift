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
public enum ShellTimeoutParser: ConfigFileParser {
    public static let collector = "config.shell"
    public static let summary = "Shell idle timeout (TMOUT) from etc/profile, profile.d and bash.bashrc"
    static let profile = "etc/profile"
    static let bashrc = "etc/bash.bashrc"

    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        var state = State(files: files)
        let scripts = files.files(in: "etc/profile.d") { $0.hasSuffix(".sh") }
        var pendingBashrc = true
        var pendingScripts = true
        if let text = state.read(profile) {
            for line in state.reader.lines(text, file: profile) {
                state.run(line.text, file: profile, number: line.number)
                let code = line.text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
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
        guard !state.files.isEmpty else { return (ConfigSection(present: false), state.reader.issues) }
        var entries: [String: ConfigEntry] = [:]
        entries["TMOUT"] = state.value
        entries["TMOUT_readonly"] = state.readonly ?? ConfigEntry(value: "no")
        return (ConfigSection(files: state.files, present: true, entries: entries), state.reader.issues)
    }

    /// The shell variable as the files leave it.
    struct State {
        var reader: ConfigFileReader
        var files: [String] = []
        var value: ConfigEntry?
        var readonly: ConfigEntry?

        init(files: ConfigFiles) {
            reader = ConfigFileReader(collector: ShellTimeoutParser.collector, files: files)
        }

        mutating func read(_ path: String) -> String? {
            guard let text = reader.text(path) else { return nil }
            files.append(path)
            return text
        }

        mutating func runFile(_ path: String) {
            guard let text = read(path) else { return }
            for line in reader.lines(text, file: path) { run(line.text, file: path, number: line.number) }
        }

        /// Applies the TMOUT assignments of one line, in order.
        mutating func run(_ line: String, file: String, number: Int) {
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
                        reader.report(
                            file: file, line: number,
                            "TMOUT is read-only since \(readonly.file ?? ""):\(readonly.line ?? 0); "
                                + "the shell refuses this assignment", level: .warning)
                    }
                    continue
                }
                if let assigned {
                    if Int(assigned).map({ $0 < 0 }) ?? true {
                        reader.report(
                            file: file, line: number, "TMOUT set to a non-numeric value '\(assigned.prefix(40))'",
                            level: .warning)
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
