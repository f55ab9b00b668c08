import CapdoCore

/// Collects systemd unit enablement from the filesystem, plus `systemctl is-active` on a live systemd host.
///
/// Enabled means a link in a `*.wants`/`*.requires` directory points at the unit (directly or through an
/// alias link); masked means the unit name links to /dev/null in `etc` or `run`.
public struct ServicesCollector: Collector {
    public let id = "services"
    public let summary = "systemd units: enablement from unit directories, active state from systemctl (live)"

    /// Unit directories in systemd's precedence order (first wins).
    public static let unitDirectories = [
        "etc/systemd/system", "run/systemd/system", "usr/lib/systemd/system", "lib/systemd/system",
    ]
    /// Directories whose `*.wants`/`*.requires` subdirectories enable units.
    public static let enablementDirectories = ["etc/systemd/system", "usr/lib/systemd/system", "lib/systemd/system"]

    static let unitSuffixes = [
        ".service", ".socket", ".timer", ".target", ".path", ".mount", ".automount", ".swap", ".slice",
    ]

    public init() {}

    public func collect(in environment: HostEnvironment) async -> CollectorOutput {
        let reader = environment.files
        var units: [String: ServiceUnit] = [:]
        var aliases: [String: String] = [:]
        var issues: [CollectionIssue] = []
        for directory in Self.unitDirectories {
            for name in reader.list(directory) where Self.isUnitName(name) {
                let path = directory + "/" + name
                if let target = reader.linkTarget(path) {
                    if target == "/dev/null" {
                        if units[name]?.masked != true && units[name]?.unitFile == nil {
                            units[name, default: ServiceUnit(enabled: false)].masked = true
                        }
                        continue
                    }
                    let targetName = Self.lastComponent(target)
                    if targetName != name && Self.isUnitName(targetName) {
                        if aliases[name] == nil { aliases[name] = targetName }
                        continue
                    }
                }
                guard reader.isRegularFile(path) else { continue }
                var unit = units[name] ?? ServiceUnit(enabled: false)
                if unit.unitFile == nil && !unit.masked {
                    unit.unitFile = (try? reader.resolve(path)) ?? path
                }
                units[name] = unit
            }
        }
        for directory in Self.enablementDirectories {
            for holder in reader.list(directory) where holder.hasSuffix(".wants") || holder.hasSuffix(".requires") {
                let holderPath = directory + "/" + holder
                for link in reader.list(holderPath) where Self.isUnitName(link) {
                    let path = holderPath + "/" + link
                    let name = Self.unitName(link: link, path: path, reader: reader, aliases: aliases)
                    guard let name else { continue }
                    var unit = units[name] ?? ServiceUnit(enabled: false)
                    unit.enabled = true
                    if !unit.enabledBy.contains(path) { unit.enabledBy.append(path) }
                    units[name] = unit
                }
            }
        }
        var source = "filesystem"
        if environment.live {
            if let runner = environment.processes, reader.isDirectory("run/systemd/system"),
                let systemctl = ["usr/bin/systemctl", "bin/systemctl"].first(where: { reader.isRegularFile($0) })
            {
                let names = units.keys.sorted()
                if let output = runner.run("/" + systemctl, ["is-active", "--"] + names) {
                    let states = output.stdout.split(separator: "\n").map(String.init)
                    if states.count == names.count {
                        for (name, state) in zip(names, states) { units[name]?.active = state }
                        source = "filesystem+systemctl"
                    } else {
                        issues.append(
                            CollectionIssue(
                                collector: id, level: .warning,
                                message: "systemctl is-active answered \(states.count) lines for \(names.count) units"))
                    }
                } else {
                    issues.append(
                        CollectionIssue(
                            collector: id, level: .warning, message: "systemctl is-active did not answer in time"))
                }
            } else {
                issues.append(
                    CollectionIssue(
                        collector: id, level: .warning,
                        message: "systemd is not running here (no /run/systemd/system or no systemctl): "
                            + "active states not checked, enablement read from the filesystem only"))
            }
        }
        return CollectorOutput(services: ServiceFacts(source: source, units: units), issues: issues)
    }

    /// True for `ssh.service`, `getty@tty1.service`, … (not `.wants` directories or `.d` drop-ins).
    public static func isUnitName(_ name: String) -> Bool {
        !name.hasPrefix(".") && unitSuffixes.contains { name.hasSuffix($0) && name.count > $0.count }
    }
}

private extension ServicesCollector {
    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The unit a `.wants` link enables: the unit its target resolves to (an alias link name counts for the
    /// unit it points to), or the link name for template instances and dangling links.
    static func unitName(link: String, path: String, reader: FileReader, aliases: [String: String]) -> String? {
        var name = link
        if let target = reader.linkTarget(path) {
            if target == "/dev/null" { return nil }
            let resolved = (try? reader.resolve(path)).map(lastComponent) ?? lastComponent(target)
            // `getty@tty1.service` → `getty@.service`: the instance is what is enabled.
            if !(resolved.contains("@.") && link.contains("@") && !link.contains("@.")) { name = resolved }
        }
        var seen: Set<String> = []
        while let next = aliases[name], !seen.contains(name) {
            seen.insert(name)
            name = next
        }
        return name
    }
}
