import CapdoCore
import Foundation

/// Collects the operating system's identity: os-release, hostname, kernel release and architecture.
public struct SystemCollector: Collector {
    public let id = "system"
    public let summary = "Operating system, hostname, kernel and architecture (etc/os-release, etc/hostname)"

    public init() {}

    public func collect(in environment: HostEnvironment) async -> CollectorOutput {
        let reader = environment.files
        var issues: [CollectionIssue] = []
        var facts = SystemFacts()
        for path in ["etc/os-release", "usr/lib/os-release"] where reader.exists(path) {
            do {
                let values = OsReleaseParser.parse(try reader.readText(path, limit: 1 << 20))
                facts.osID = values["ID"]
                facts.osIDLike = (values["ID_LIKE"] ?? "").split(separator: " ").map(String.init)
                facts.versionID = values["VERSION_ID"]
                facts.versionCodename = values["VERSION_CODENAME"]
                facts.prettyName = values["PRETTY_NAME"]
                facts.source = path
                break
            } catch {
                issues.append(error.issue(collector: id))
            }
        }
        if facts.source == nil {
            issues.append(
                CollectionIssue(
                    collector: id, level: .warning, file: "etc/os-release",
                    message: "no os-release file (etc/os-release, usr/lib/os-release): operating system unknown"))
        }
        facts.osFamily = OsReleaseParser.family(id: facts.osID, idLike: facts.osIDLike)
        let uname = environment.live ? Self.uname() : nil
        facts.hostname = Self.hostname(reader) ?? uname?.nodename
        if let running = uname?.nodename, !running.isEmpty { facts.hostname = running }
        facts.kernel = uname?.release ?? Self.newestKernel(reader)
        facts.architecture =
            Self.architecture(reader, cache: environment.cache) ?? uname.map { Self.debianArchitecture($0.machine) }
        return CollectorOutput(system: facts, issues: issues)
    }

    /// The newest kernel release among `boot/vmlinuz-*` names, in dpkg version order.
    public static func newestKernel(names: [String]) -> String? {
        names.filter { $0.hasPrefix("vmlinuz-") }.map { String($0.dropFirst("vmlinuz-".count)) }
            .filter { !$0.isEmpty }.max { DpkgVersion.compare($0, $1) < 0 }
    }

    /// dpkg's name for a `uname -m` machine (`x86_64` → `amd64`); unknown ones are kept.
    public static func debianArchitecture(_ machine: String) -> String {
        let names = [
            "x86_64": "amd64", "aarch64": "arm64", "i686": "i386", "i386": "i386", "armv7l": "armhf",
            "ppc64le": "ppc64el", "s390x": "s390x", "riscv64": "riscv64",
        ]
        return names[machine] ?? machine
    }
}

private extension SystemCollector {
    struct Uname {
        var nodename: String
        var release: String
        var machine: String
    }

    static func uname() -> Uname? {
        var info = utsname()
        guard Glibc.uname(&info) == 0 else { return nil }
        func text<T>(_ field: T) -> String {
            withUnsafeBytes(of: field) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
        }
        return Uname(nodename: text(info.nodename), release: text(info.release), machine: text(info.machine))
    }

    static func hostname(_ reader: FileReader) -> String? {
        guard let text = try? reader.readText("etc/hostname", limit: 64 * 1024) else { return nil }
        let line = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty && !$0.hasPrefix("#") }
        return line
    }

    static func newestKernel(_ reader: FileReader) -> String? {
        newestKernel(names: reader.list("boot"))
    }

    /// `var/lib/dpkg/arch` (first line is the native architecture), else the architecture of the installed
    /// `dpkg` package itself.
    static func architecture(_ reader: FileReader, cache: ParseCache = ParseCache()) -> String? {
        if let text = try? reader.readText("var/lib/dpkg/arch", limit: 64 * 1024),
            let first = text.split(whereSeparator: \.isNewline).first?.trimmingCharacters(in: .whitespaces),
            !first.isEmpty
        {
            return first
        }
        return cache.dpkgDatabase { PackagesCollector.readDatabase(reader) }.packages
            .first { $0.name == "dpkg" && $0.state == "installed" }?.architecture
    }
}
