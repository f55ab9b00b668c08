import CapdoCore

/// Reads simple `key value` / `key = value` configuration files (login.defs, useradd, pwquality,
/// faillock): comments with `#`, surrounding quotes removed, the last value of a key winning.
struct KeyValueConfigParser {
    enum Separator {
        /// `KEY value` (login.defs).
        case whitespace
        /// `KEY=value`, shell style (etc/default/useradd).
        case equals
        /// `key = value`, or a bare `flag` recorded as `yes` (pwquality.conf, faillock.conf).
        case equalsOrFlag
    }

    var collector: String
    var separator: Separator
    /// Applied to every key (upper- or lower-casing).
    var normalize: @Sendable (String) -> String

    /// Reads `paths` in order; missing files are skipped silently, other failures become issues.
    func parse(_ paths: [String], from files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        var reader = ConfigFileReader(collector: collector, files: files)
        var read: [String] = []
        var entries: [String: ConfigEntry] = [:]
        for path in paths {
            guard let text = reader.text(path) else { continue }
            read.append(path)
            for line in reader.lines(text, file: path) {
                let trimmed = line.text.authTrimmed()
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                guard let (key, value) = split(trimmed) else {
                    reader.report(
                        file: path, line: line.number, "not a setting (no key and value); the line is not shown")
                    continue
                }
                entries[normalize(key)] = ConfigEntry(value: value, file: path, line: line.number)
            }
        }
        return (ConfigSection(files: read, present: !read.isEmpty, entries: entries), reader.issues)
    }

    private func split(_ line: String) -> (String, String)? {
        let key: String
        var value: String
        switch separator {
        case .whitespace:
            guard let space = line.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return nil }
            key = String(line[..<space])
            value = String(line[space...]).authTrimmed()
        case .equals, .equalsOrFlag:
            if let equals = line.firstIndex(of: "=") {
                key = String(line[..<equals]).authTrimmed()
                value = String(line[line.index(after: equals)...]).authTrimmed()
            } else if separator == .equalsOrFlag {
                key = line
                value = "yes"
            } else {
                return nil
            }
        }
        if separator != .whitespace, let hash = value.firstIndex(of: "#"), !value.hasPrefix("\"") {
            value = String(value[..<hash]).authTrimmed()
        }
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            value = String(value.dropFirst().dropLast())
        }
        let validKey =
            !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
        guard validKey, key.allSatisfy(\.isASCII) else { return nil }
        return (key, value)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    func authTrimmed() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
