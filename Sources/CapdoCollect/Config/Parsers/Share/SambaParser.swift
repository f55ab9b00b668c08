import CapdoCore

/// Parses Samba's `etc/samba/smb.conf` for shares open to guests (`config.samba`).
///
/// smb.conf(5): `[section]` headers, `name = value` parameters (names case-insensitive, spaces inside ignored),
/// `#`/`;` comments, lines continued with `\`, `include = FILE` read in place. `guest ok` (synonym `public`) is a
/// boolean (`yes`/`true`/`1`/`on`); a value in `[global]` is the default for every share. Keys: `shares` = number
/// of share sections (not `[global]`), `guest_shares` = shares that admit guests, located at the first,
/// `guest_share_names` = their names, space-joined.
public struct SambaParser: ConfigFileParser {
    public static let collector = "config.samba"
    public static let summary = "Samba shares that admit guests (smb.conf)"
    public static let mainFile = "etc/samba/smb.conf"
    public static let maxDepth = 8

    struct Share {
        var name: String
        var file: String
        var line: Int
        var guest: (value: Bool, file: String, line: Int)?
    }

    var reader: ConfigFileReader
    var globalGuest: (value: Bool, file: String, line: Int)?
    var shares: [Share] = []
    var current: String?

    /// `guestok` for `Guest OK`: parameter names without spaces, lower-cased.
    public static func parameterName(_ text: String) -> String {
        String(text.lowercased().filter { $0 != " " && $0 != "\t" })
    }

    /// Samba's boolean words; nil when the value is not one.
    public static func boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "true", "1", "on": return true
        case "no", "false", "0", "off": return false
        default: return nil
        }
    }

    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        var parser = SambaParser(reader: ConfigFileReader(collector: collector, files: files))
        parser.parseFile(mainFile)
        var entries: [String: ConfigEntry] = [:]
        if parser.reader.found {
            let guests = parser.shares.filter { ($0.guest ?? parser.globalGuest)?.value == true }
            let first = guests.first.map { $0.guest.map { ($0.file, $0.line) } ?? ($0.file, $0.line) }
            entries["shares"] = ConfigEntry(value: String(parser.shares.count), file: mainFile)
            entries["guest_shares"] = ConfigEntry(value: String(guests.count), file: first?.0, line: first?.1)
            if !guests.isEmpty {
                entries["guest_share_names"] = ConfigEntry(
                    value: guests.map(\.name).joined(separator: " "), file: first?.0, line: first?.1)
            }
        }
        return (parser.reader.section(entries), parser.reader.issues)
    }
}

private extension SambaParser {
    mutating func parseFile(_ path: String) {
        guard let text = reader.enter(path, maxDepth: Self.maxDepth) else { return }
        defer { reader.leave() }
        let (lines, unfinished) = reader.lines(text, file: path).joiningContinuations {
            $0.hasPrefix("#") || $0.hasPrefix(";")
        }
        if let unfinished {
            reader.report(file: path, line: unfinished, "line continued with '\\' at end of file")
        }
        for line in lines {
            let text = line.text
            if text.hasPrefix("[") {
                guard let close = text.firstIndex(of: "]") else {
                    reader.report(file: path, line: line.number, "section header without ']'")
                    continue
                }
                let name = text[text.index(after: text.startIndex)..<close].trimmingCharacters(in: .whitespaces)
                current = name.lowercased() == "global" ? nil : name
                if current != nil { shares.append(Share(name: name, file: path, line: line.number)) }
                continue
            }
            guard let equals = text.firstIndex(of: "=") else {
                reader.report(file: path, line: line.number, "not a parameter (no '='); the line is not shown")
                continue
            }
            let name = Self.parameterName(String(text[..<equals]))
            let value = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            switch name {
            case "include":
                parseFile(ConfigFilePath.normalize(value))
            case "guestok", "public":
                guard let flag = Self.boolean(value) else {
                    reader.report(
                        file: path, line: line.number, "\(name == "public" ? "public" : "guest ok") is not a boolean")
                    continue
                }
                let setting = (flag, path, line.number)
                if current == nil {
                    globalGuest = setting
                } else if !shares.isEmpty {
                    shares[shares.count - 1].guest = setting
                }
            default:
                continue
            }
        }
    }
}
