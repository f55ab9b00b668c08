import CapdoCore

/// Parses the PAM stacks in `etc/pam.d` that matter for authentication, following `@include`, `include`
/// and `substack` (depth-limited, loops cut).
///
/// Keys: `<module>` (name without path or `.so`) = comma-joined `<file>:<type>` for every stack file and
/// type where it appears (file names as in `etc/pam.d`), located at the first; `<module>.<arg>` = the
/// argument's value (`minlen=12` → `12`, a flag such as `nullok` → `yes`), the first occurrence winning.
public enum PamStackParser: ConfigFileParser {
    public static let collector = "config.pam"
    public static let summary = "PAM modules and their arguments in the authentication stacks of etc/pam.d"
    public static let directory = "etc/pam.d"
    public static let stacks = [
        "common-auth", "common-account", "common-password", "common-session", "system-auth", "password-auth",
        "login", "sshd", "su",
    ]
    static let maxDepth = 8
    static let types: Set<String> = ["auth", "account", "password", "session"]

    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        var walker = PamWalker(files: files)
        for stack in stacks {
            walker.readStack(stack)
        }
        let present = !walker.files.isEmpty
        return (ConfigSection(files: walker.files, present: present, entries: walker.entries), walker.reader.issues)
    }
}

/// Walks PAM files, collecting module locations and arguments.
private struct PamWalker {
    var reader: ConfigFileReader
    var files: [String] = []
    var entries: [String: ConfigEntry] = [:]
    var texts: [String: String?] = [:]

    init(files: ConfigFiles) {
        reader = ConfigFileReader(collector: PamStackParser.collector, files: files)
    }

    mutating func text(of name: String, from file: String?, line: Int?) -> String? {
        let path = PamStackParser.directory + "/" + name
        if let cached = texts[path] { return cached }
        var found: String?
        switch reader.load(path) {
        case .success(let text):
            found = text
            files.append(path)
        case .failure(let error):
            if error.reason != .missing || file != nil {
                reader.report(
                    file: file ?? path, line: line, file == nil ? error.description : "include: \(error)",
                    level: error.reason == .missing ? .warning : .error)
            }
        }
        texts[path] = found
        return found
    }

    mutating func readStack(_ name: String) {
        walk(name, onlyType: nil, chain: [], from: nil, line: nil)
    }

    mutating func walk(_ name: String, onlyType: String?, chain: [String], from: String?, line: Int?) {
        if chain.contains(name) || chain.count >= PamStackParser.maxDepth {
            let location = from ?? PamStackParser.directory + "/" + name
            reader.report(file: location, line: line, "include of '\(name)' loops or nests too deep; not followed")
            return
        }
        let baseName = name.split(separator: "/").last.map(String.init) ?? name
        guard let text = text(of: baseName, from: from, line: line) else { return }
        let path = PamStackParser.directory + "/" + baseName
        for (number, content) in PamLine.logicalLines(reader.lines(text, file: path)) {
            guard let parsed = PamLine(content) else { continue }
            if parsed.isAtInclude {
                walk(parsed.module, onlyType: onlyType, chain: chain + [name], from: path, line: number)
                continue
            }
            guard PamStackParser.types.contains(parsed.type) else {
                reader.report(file: path, line: number, "unknown PAM type\(IssueQuote.keyword(parsed.type))")
                continue
            }
            if let onlyType, parsed.type != onlyType { continue }
            if parsed.control == "include" || parsed.control == "substack" {
                walk(parsed.module, onlyType: parsed.type, chain: chain + [name], from: path, line: number)
                continue
            }
            guard !parsed.module.isEmpty else {
                reader.report(file: path, line: number, "PAM line without a module")
                continue
            }
            record(parsed, file: path, baseName: baseName, line: number)
        }
    }

    mutating func record(_ parsed: PamLine, file: String, baseName: String, line: Int) {
        let module = parsed.moduleName
        let place = "\(baseName):\(parsed.type)"
        if var existing = entries[module] {
            if !existing.value.split(separator: ",").contains(Substring(place)) {
                existing.value += "," + place
                entries[module] = existing
            }
        } else {
            entries[module] = ConfigEntry(value: place, file: file, line: line)
        }
        for argument in parsed.arguments {
            let key: String
            let value: String
            if let equals = argument.firstIndex(of: "=") {
                key = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            } else {
                key = argument
                value = "yes"
            }
            guard !key.isEmpty, entries[module + "." + key] == nil else { continue }
            entries[module + "." + key] = ConfigEntry(value: value, file: file, line: line)
        }
    }
}
