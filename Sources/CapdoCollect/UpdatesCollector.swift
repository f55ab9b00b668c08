import CapdoCore
import Foundation

/// Computes pending updates offline from the lists apt already downloaded (`var/lib/apt/lists`): for each
/// installed package, the newest offered version that is newer (dpkg order). No network.
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
        for name in names where name.contains("_Packages") {
            let path = directory + "/" + name
            guard name.hasSuffix("_Packages") else {
                issues.append(
                    CollectionIssue(
                        collector: id, level: .warning, file: path,
                        message: "compressed package list skipped (only uncompressed lists are read)"))
                continue
            }
            let suite = AptListsParser.suite(ofListFile: name)
            let security = suite.map(AptListsParser.isSecurity) ?? false
            let published = AptListsParser.releasePrefix(ofListFile: name).flatMap { prefix in
                [prefix + "_InRelease", prefix + "_Release"].lazy.compactMap { release in
                    (try? reader.readPrefix(directory + "/" + release, bytes: 64 * 1024))
                        .flatMap { AptListsParser.releaseDate(String(decoding: $0, as: UTF8.self)) }
                }.first
            }
            if let published, listsDate.map({ published > $0 }) ?? true { listsDate = published }
            var stream = AptListsParser.Stream(wanted: wanted)
            do {
                try reader.forEachLine(path, limit: Self.listLimit) { line, _ in
                    stream.feed(line)
                    return true
                }
                stream.flush()
            } catch {
                issues.append(error.issue(collector: id))
                continue
            }
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
