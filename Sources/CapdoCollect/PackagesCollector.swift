import CapdoCore

/// Collects the package database: dpkg's `var/lib/dpkg/status` plus distroless-style `status.d/*` files.
///
/// The model keeps a `manager` field so rpm or apk databases can be added beside dpkg later.
public struct PackagesCollector: Collector {
    public let id = "packages"
    public let summary = "Installed packages from the dpkg database (var/lib/dpkg/status, status.d)"

    public init() {}

    public func collect(in environment: HostEnvironment) async -> CollectorOutput {
        let reader = environment.files
        var sources: [String] = []
        var packages: [InstalledPackage] = []
        var issues: [CollectionIssue] = []
        let main = "var/lib/dpkg/status"
        let extras = reader.files(in: "var/lib/dpkg/status.d").filter { !$0.hasSuffix(".md5sums") }
        guard reader.exists(main) || !extras.isEmpty else {
            // No dpkg database: not a Debian-family root (or a minimal one); the section stays absent.
            return CollectorOutput()
        }
        for (path, strict) in [(main, true)] + extras.map({ ($0, false) }) where reader.exists(path) {
            do {
                let text = try reader.readText(path, limit: 256 * 1024 * 1024)
                let result = DpkgStatusParser.parse(text, file: path, requireTerminator: strict, collector: id)
                sources.append(path)
                packages += result.packages
                issues += result.issues
            } catch {
                issues.append(error.issue(collector: id))
            }
        }
        return CollectorOutput(
            packages: PackageFacts(manager: "dpkg", sources: sources, packages: packages), issues: issues)
    }
}
