import CapdoCore

/// Collects the package database: dpkg's `var/lib/dpkg/status` plus distroless-style `status.d/*` files.
///
/// The model keeps a `manager` field so rpm or apk databases can be added beside dpkg later.
public struct PackagesCollector: Collector {
    public let id = "packages"
    public let summary = "Installed packages from the dpkg database (var/lib/dpkg/status, status.d)"

    public init() {}

    public func collect(in environment: HostEnvironment) async -> CollectorOutput {
        let database = environment.cache.dpkgDatabase { Self.readDatabase(environment.files, collector: id) }
        // No dpkg database: not a Debian-family root (or a minimal one); the section stays absent.
        guard database.exists else { return CollectorOutput() }
        return CollectorOutput(
            packages: PackageFacts(manager: "dpkg", sources: database.sources, packages: database.packages),
            issues: database.issues)
    }

    /// Reads `status` and `status.d/*` once for every collector that needs the installed packages.
    static func readDatabase(_ reader: FileReader, collector: String = "packages") -> ParseCache.DpkgDatabase {
        var database = ParseCache.DpkgDatabase(sources: [], packages: [], issues: [], exists: false)
        let main = "var/lib/dpkg/status"
        let extras = reader.files(in: "var/lib/dpkg/status.d").filter { !$0.hasSuffix(".md5sums") }
        guard reader.exists(main) || !extras.isEmpty else { return database }
        database.exists = true
        for (path, strict) in [(main, true)] + extras.map({ ($0, false) }) where reader.exists(path) {
            do {
                let text = try reader.readText(path, limit: 256 * 1024 * 1024)
                let result = DpkgStatusParser.parse(text, file: path, requireTerminator: strict, collector: collector)
                database.sources.append(path)
                database.packages += result.packages
                database.issues += result.issues
            } catch {
                database.issues.append(error.issue(collector: collector))
            }
        }
        return database
    }
}
