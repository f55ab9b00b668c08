import CapdoCore

/// Parses `etc/crypttab` (`name device keyfile options`).
///
/// Keys: `volumes` = count; `luks_volumes` = entries with a `luks` option, or with no type option and neither a
/// random key file nor plain-mode options (`swap`, `tmp`, `cipher=`, `size=`, `hash=`); `volume.<name>` = `luks`,
/// `plain`, `tcrypt` or `bitlk`.
public enum CrypttabParser: ConfigFileParser {
    public static let collector = "config.crypttab"
    public static let summary = "Encrypted volumes listed in etc/crypttab"
    public static let file = "etc/crypttab"

    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        var reader = ConfigFileReader(collector: collector, files: files)
        guard let text = reader.text(file) else { return (ConfigSection(present: false), reader.issues) }
        var entries: [String: ConfigEntry] = [:]
        var volumes = 0
        var luks = 0
        var firstLuksLine: Int?
        for raw in reader.lines(text, file: file) {
            let number = raw.number
            let line = raw.text.authTrimmed()
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard fields.count >= 2, fields.count <= 4 else {
                reader.report(
                    file: file, line: number, "expected 'name device [keyfile [options]]', got \(fields.count) fields")
                continue
            }
            let options =
                fields.count == 4
                ? fields[3].split(separator: ",").map {
                    String($0.split(separator: "=", omittingEmptySubsequences: false)[0])
                } : []
            // A random key (swap, /tmp) or plain-mode parameters mean an ephemeral plain mapping, not LUKS:
            // such a volume is re-keyed at every boot and proves nothing about data at rest.
            let keyFile = fields.count >= 3 ? fields[2] : "none"
            let ephemeral =
                keyFile.hasPrefix("/dev/urandom") || keyFile.hasPrefix("/dev/random")
                || options.contains("swap") || options.contains("tmp")
            let plainHints = ["cipher", "size", "hash", "offset", "skip"].contains { options.contains($0) }
            let explicit = ["luks", "plain", "tcrypt", "bitlk"].first { options.contains($0) }
            let kind = explicit ?? (ephemeral || plainHints ? "plain" : "luks")
            volumes += 1
            if kind == "luks" {
                luks += 1
                if firstLuksLine == nil { firstLuksLine = number }
            }
            entries["volume.\(fields[0])"] = ConfigEntry(value: kind, file: file, line: number)
        }
        entries["volumes"] = ConfigEntry(value: String(volumes), file: file)
        entries["luks_volumes"] = ConfigEntry(value: String(luks), file: file, line: firstLuksLine)
        return (ConfigSection(files: [file], present: true, entries: entries), reader.issues)
    }
}
