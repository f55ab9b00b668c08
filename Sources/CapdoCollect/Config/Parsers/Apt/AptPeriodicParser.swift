import CapdoCore

/// Parses `etc/apt/apt.conf.d/*` for the periodic update settings, in file-name order so later files
/// override earlier ones, in both `APT::Periodic::X "1";` and nested `APT { Periodic { X "1"; }; };` syntax.
///
/// Keys: `APT::Periodic::Unattended-Upgrade`, `APT::Periodic::Update-Package-Lists` (quotes and `;`
/// stripped). Files apt ignores (`*~`, `*.disabled`, `*.bak`, `*.dpkg-*`, `*.ucf-*`, dot files) are skipped.
public enum AptPeriodicParser: ConfigFileParser {
    public static let collector = "config.apt"
    public static let summary = "Periodic update and unattended-upgrade settings from etc/apt/apt.conf.d"
    public static let directory = "etc/apt/apt.conf.d"
    public static let keys = ["APT::Periodic::Unattended-Upgrade", "APT::Periodic::Update-Package-Lists"]

    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        var reader = ConfigFileReader(collector: collector, files: files)
        var read: [String] = []
        var entries: [String: ConfigEntry] = [:]
        let ignored = ["~", ".disabled", ".bak", ".save", ".orig"]
        let paths = files.files(in: directory) { name in
            !name.hasPrefix(".") && !ignored.contains(where: { name.hasSuffix($0) }) && !name.contains(".dpkg-")
                && !name.contains(".ucf-")
        }
        for path in paths {
            guard let text = reader.text(path) else { continue }
            read.append(path)
            let (settings, problem) = AptConfigTokenizer.settings(text)
            if let problem {
                reader.report(file: path, line: problem.line, problem.message)
            }
            for setting in settings {
                guard let key = keys.first(where: { $0.lowercased() == setting.key.lowercased() }) else { continue }
                entries[key] = ConfigEntry(value: setting.value, file: path, line: setting.line)
            }
        }
        return (ConfigSection(files: read, present: !read.isEmpty, entries: entries), reader.issues)
    }
}
