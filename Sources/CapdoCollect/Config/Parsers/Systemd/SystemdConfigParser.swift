import CapdoCore
import Foundation

/// Parses a systemd-style INI configuration with drop-ins (journald.conf, timesyncd.conf).
///
/// As systemd.syntax(7) and the daemons' man pages describe: the main file `etc/systemd/<name>` (falling back to
/// `usr/lib/systemd/<name>` when `/etc` has none), then `<name>.d/*.conf` from `etc`, `run`, `usr/local/lib`,
/// `usr/lib` and `lib` — a drop-in name in an earlier directory masks the same name later, survivors apply in
/// file-name order. Only keys in `[section]` count; the last assignment wins, an empty one resets the key to
/// its default; list keys accumulate and are reset by an empty assignment; an invalid value of an enumerated
/// key is ignored. Units use the same reader with the unit search path (`unitDirectories`).
public struct SystemdConfigParser: Sendable {
    public var collector: String
    /// `journald.conf`.
    public var name: String
    /// `Journal`.
    public var section: String
    /// Keys whose values accumulate (`NTP`, `FallbackNTP`).
    public var listKeys: Set<String>
    /// Enumerated keys and their accepted values: systemd ignores (with a warning) an assignment whose value
    /// is not one of them, case-sensitively and without unquoting, so the earlier value stays in force.
    public var enumerations: [String: Set<String>]
    /// Directories that may hold the main file, in precedence order: the first that has it is read.
    public var mainDirectories: [String]
    /// Directories whose `<name>.d/*.conf` drop-ins apply, in precedence order.
    public var dropInDirectories: [String]

    /// Daemon configuration directories (`etc/systemd`, …): the main file from `etc`, else from `usr/lib`.
    public static let daemonDirectories = [
        "etc/systemd", "run/systemd", "usr/local/lib/systemd", "usr/lib/systemd", "lib/systemd",
    ]
    /// The system unit search path (systemd.unit(5)), highest precedence first.
    public static let unitDirectories = daemonDirectories.map { $0 + "/system" }

    public init(
        collector: String, name: String, section: String, listKeys: Set<String> = [],
        enumerations: [String: Set<String>] = [:], mainDirectories: [String] = ["etc/systemd", "usr/lib/systemd"],
        dropInDirectories: [String] = SystemdConfigParser.daemonDirectories
    ) {
        self.collector = collector
        self.name = name
        self.section = section
        self.listKeys = listKeys
        self.enumerations = enumerations
        self.mainDirectories = mainDirectories
        self.dropInDirectories = dropInDirectories
    }

    /// The files in the order they apply.
    public func order(_ files: ConfigFiles) -> [String] {
        var chosen: [String: String] = [:]
        for base in dropInDirectories {
            let directory = base + "/" + name + ".d"
            for entry in files.list(directory) where entry.hasSuffix(".conf") && chosen[entry] == nil {
                chosen[entry] = directory + "/" + entry
            }
        }
        let home = mainDirectories.first { files.list($0).contains(name) } ?? mainDirectories.first ?? ""
        return [home + "/" + name] + chosen.keys.sorted().compactMap { chosen[$0] }
    }

    /// Entries and the reader (for files read, presence and issues).
    public func parse(_ files: ConfigFiles) -> ([String: ConfigEntry], ConfigFileReader) {
        var reader = ConfigFileReader(collector: collector, files: files)
        var entries: [String: ConfigEntry] = [:]
        for path in order(files) {
            guard let text = reader.text(path) else { continue }
            var current: String?
            let lines = reader.lines(text, file: path).joiningContinuations { $0.hasPrefix("#") || $0.hasPrefix(";") }
            for line in lines.lines {
                let trimmed = line.text
                let number = line.number
                if trimmed.hasPrefix("[") {
                    guard trimmed.hasSuffix("]") else {
                        reader.report(file: path, line: number, "section header without ']'")
                        current = nil
                        continue
                    }
                    current = String(trimmed.dropFirst().dropLast())
                    continue
                }
                guard let equals = trimmed.firstIndex(of: "=") else {
                    reader.report(file: path, line: number, "line without '=', not shown")
                    continue
                }
                let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
                let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                guard current == section else {
                    let place = current.map { "section [\($0)]" } ?? "no section"
                    reader.report(
                        file: path, line: number, "key\(IssueQuote.keyword(key)) in \(place.prefix(80)), ignored",
                        level: .warning)
                    continue
                }
                if let accepted = enumerations[key], !accepted.contains(value) {
                    reader.report(
                        file: path, line: number,
                        "\(key)= must be one of \(accepted.sorted().joined(separator: ", ")), got '\(value.prefix(80))'; "
                            + "systemd ignores this line", level: .warning)
                    continue
                }
                if listKeys.contains(key), !value.isEmpty, let old = entries[key], !old.value.isEmpty {
                    entries[key] = ConfigEntry(value: old.value + " " + value, file: path, line: number)
                } else if value.isEmpty && !listKeys.contains(key) {
                    entries[key] = nil
                } else {
                    entries[key] = ConfigEntry(value: value, file: path, line: number)
                }
            }
        }
        return (entries, reader)
    }
}
