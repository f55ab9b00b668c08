import CapdoCore
import Foundation

/// Computes pending updates offline from the lists apt already downloaded (`var/lib/apt/lists`, plain or kept
/// compressed as `.gz`, `.xz`, `.lz4`): for each installed package, the newest offered version that is newer
/// (dpkg order). No network. The lists' date is their Release file's `Date:`, else the list's mtime. When a
/// list cannot be read the pending updates are unknown: no `updates` facts, an error issue naming the file.
public struct UpdatesCollector: Collector {
    public let id = "updates"
    public let summary = "Pending updates from var/lib/apt/lists (offline; security suites flagged)"

    /// Packages files are big (50 MB and more); they are streamed, never held whole.
    public static let listLimit = 256 * 1024 * 1024

    public init() {}

    public func collect(in environment: HostEnvironment) async -> CollectorOutput {
        let reader = environment.files
        let directory = "var/lib/apt/lists"
        var issues: [CollectionIssue] = []
        let names = reader.list(directory)
        let database = environment.cache.dpkgDatabase { PackagesCollector.readDatabase(reader) }
        guard database.exists, !database.sources.isEmpty else {
            if names.isEmpty { return CollectorOutput(updates: UpdateFacts(sources: [], pending: [])) }
            return CollectorOutput(issues: [
                CollectionIssue(
                    collector: id, file: "var/lib/dpkg/status", message: "no dpkg database: pending updates unknown")
            ])
        }
        let installed = database.packages.filter { $0.state == "installed" }
        let wanted = Set(installed.map(\.name))
        var sources: [String] = []
        var listsDate: Date?
        var best: [String: (offer: AptListsParser.Offer, file: String, security: Bool, published: Date?)] = [:]
        var securityNewer: Set<String> = []
        let byName = Dictionary(grouping: installed, by: \.name)
        let (lists, unsupported) = AptListReader.packagesLists(names, in: directory)
        for path in unsupported {
            issues.append(
                CollectionIssue(
                    collector: id, file: path, message: "package list in a compression capdo cannot read"))
        }
        let listReader = AptListReader(files: reader, limit: Self.listLimit)
        for list in lists {
            let path = list.path
            let name = list.name
            let suite = AptListsParser.suite(ofListFile: name)
            let security = suite.map(AptListsParser.isSecurity) ?? false
            // The suite's Release date; without a Release file, when apt last wrote the list.
            let published =
                AptListsParser.releasePrefix(ofListFile: name).flatMap { prefix in
                    [prefix + "_InRelease", prefix + "_Release"].lazy.compactMap { release in
                        (try? reader.readPrefix(directory + "/" + release, bytes: 64 * 1024))
                            .flatMap { AptListsParser.releaseDate(String(decoding: $0, as: UTF8.self)) }
                    }.first
                } ?? reader.modified(path)
            if let published, listsDate.map({ published > $0 }) ?? true { listsDate = published }
            var stream = AptListsParser.Stream(wanted: wanted)
            let failure = listReader.forEachLine(list) { line, _ in
                stream.feed(line)
                return true
            }
            if let failure {
                issues.append(failure)
                continue
            }
            stream.flush()
            sources.append(path)
            for offer in stream.offers {
                for package in byName[offer.name] ?? [] where Self.architectureMatches(package, offer) {
                    guard DpkgVersion.compare(offer.version, package.version) > 0 else { continue }
                    if security { securityNewer.insert(offer.name) }
                    if let current = best[offer.name] {
                        let order = DpkgVersion.compare(offer.version, current.offer.version)
                        if order < 0 || (order == 0 && (current.security || !security)) { continue }
                    }
                    best[offer.name] = (offer, path, security, published)
                }
            }
        }
        // A list that could not be read may hold the pending updates: the count is unknown, not zero.
        if issues.contains(where: { $0.level == .error }) { return CollectorOutput(issues: issues) }
        let pending = best.keys.sorted().compactMap { name -> PendingUpdate? in
            guard let choice = best[name], let package = byName[name]?.first else { return nil }
            return PendingUpdate(
                name: name, installed: package.version, available: choice.offer.version,
                security: securityNewer.contains(name), file: choice.file, published: choice.published)
        }
        return CollectorOutput(
            updates: UpdateFacts(sources: sources, listsDate: listsDate, pending: pending), issues: issues)
    }
}

private extension UpdatesCollector {
    static func architectureMatches(_ package: InstalledPackage, _ offer: AptListsParser.Offer) -> Bool {
        guard let installed = package.architecture, let offered = offer.architecture else { return true }
        return installed == offered || installed == "all" || offered == "all"
    }
}
