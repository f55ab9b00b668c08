/// Parses `os-release` (`KEY=value`, shell-style quoting) into a dictionary: pure text → values.
public enum OsReleaseParser {
    /// `["ID": "debian", "VERSION_ID": "12", …]`; comments, blank and malformed lines are skipped.
    public static func parse(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { continue }
            values[key] = unquote(String(line[line.index(after: equals)...]))
        }
        return values
    }

    /// The operating-system family rules apply to: `debian` (Debian, Ubuntu and derivatives), `rhel`
    /// (RHEL, CentOS, Rocky, AlmaLinux, Fedora and derivatives), else the `ID` itself.
    public static func family(id: String?, idLike: [String]) -> String? {
        let all = ([id].compactMap { $0 } + idLike).map { $0.lowercased() }
        if all.contains(where: { $0 == "debian" || $0 == "ubuntu" }) { return "debian" }
        let rhel: Set = ["rhel", "centos", "rocky", "almalinux", "fedora"]
        if all.contains(where: { rhel.contains($0) }) { return "rhel" }
        return id?.lowercased()
    }
}

private extension OsReleaseParser {
    /// Removes shell quoting: `"Debian GNU/Linux 12 (bookworm)"`, `'x'`, backslash escapes in double quotes.
    static func unquote(_ value: String) -> String {
        var output = ""
        var quote: Character?
        var escaped = false
        for character in value {
            if escaped {
                output.append(character)
                escaped = false
            } else if character == "\\" && quote != "'" {
                escaped = true
            } else if let open = quote {
                if character == open { quote = nil } else { output.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" && output.isEmpty {
                break
            } else {
                output.append(character)
            }
        }
        return output.trimmingCharacters(in: .whitespaces)
    }
}
