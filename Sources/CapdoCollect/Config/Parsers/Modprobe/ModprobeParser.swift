import CapdoCore

/// Parses kernel-module loading rules the way kmod's `modprobe` reads them (`config.modprobe`).
///
/// Files: `*.conf` in `etc/modprobe.d`, `run/modprobe.d`, `usr/local/lib/modprobe.d`, `lib/modprobe.d`,
/// `usr/lib/modprobe.d` (a name in an earlier directory masks the same name later; applied in name order), lines
/// continued with a trailing `\`. Keys, with `-` in module names read as `_` (kmod treats them alike):
/// `install.<module>` = the command that replaces loading it (the first one wins, as `modprobe -n -v` shows),
/// `blacklist.<module>` = `yes` (stops loading by alias only; an explicit `modprobe` still loads it).
public enum ModprobeParser: ConfigFileParser {
    public static let collector = "config.modprobe"
    public static let summary = "Kernel module install and blacklist rules (modprobe.d)"
    public static let directories = [
        "etc/modprobe.d", "run/modprobe.d", "usr/local/lib/modprobe.d", "lib/modprobe.d", "usr/lib/modprobe.d",
    ]
    static let knownCommands: Set<String> = [
        "alias", "options", "remove", "softdep", "weakdep", "blacklist", "install",
    ]

    /// `usb_storage` for `usb-storage`.
    public static func moduleName(_ name: String) -> String {
        String(name.map { $0 == "-" ? "_" : $0 })
    }

    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        var reader = ConfigFileReader(collector: collector, files: files)
        var entries: [String: ConfigEntry] = [:]
        for path in files.dropIns(in: directories, suffix: ".conf") {
            guard let text = reader.text(path) else { continue }
            let (lines, unfinished) = reader.lines(text, file: path).joiningContinuations { $0.hasPrefix("#") }
            if let unfinished {
                reader.report(file: path, line: unfinished, "line continued with '\\' at end of file")
            }
            for line in lines {
                let words = line.text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                guard let command = words.first else { continue }
                guard knownCommands.contains(command) else {
                    reader.report(file: path, line: line.number, "unknown modprobe.d command; the line is not shown")
                    continue
                }
                guard words.count >= 2 else {
                    reader.report(file: path, line: line.number, "\(command) without a module name")
                    continue
                }
                let module = moduleName(words[1])
                switch command {
                case "install":
                    guard words.count >= 3 else {
                        reader.report(file: path, line: line.number, "install without a command")
                        continue
                    }
                    if entries["install." + module] == nil {
                        entries["install." + module] = ConfigEntry(
                            value: words.dropFirst(2).joined(separator: " "), file: path, line: line.number)
                    }
                case "blacklist":
                    if entries["blacklist." + module] == nil {
                        entries["blacklist." + module] = ConfigEntry(value: "yes", file: path, line: line.number)
                    }
                default:
                    continue
                }
            }
        }
        return (reader.section(entries), reader.issues)
    }
}
