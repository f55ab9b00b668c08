import CapdoCore
import Foundation

/// Finds until when the host's release is supported: Debian and Ubuntu from the scanning machine's distro-info-data
/// tables, Windows from `WindowsLifecycle`; anything else, or a release the table lacks, is a warning and no facts
/// (the rule is then not assessed).
public enum OSSupportLookup {
    public static let collector = "os_support"

    /// `tables` reads the distro-info directory (`debian.csv`, `ubuntu.csv`), named `directory` in messages.
    public static func lookup(_ system: SystemFacts?, tables: FileReader, directory: String) -> (
        facts: OSSupportFacts?, issues: [CollectionIssue]
    ) {
        guard let system, let family = system.osFamily else { return (nil, []) }
        func warning(_ message: String, file: String? = nil) -> (OSSupportFacts?, [CollectionIssue]) {
            (nil, [CollectionIssue(collector: collector, level: .warning, file: file, message: message)])
        }
        if family == "windows" {
            if let facts = WindowsLifecycle.support(of: system) { return (facts, []) }
            return warning(
                "Windows build \(system.versionID ?? "?") is not in capdo's lifecycle table: OS support not assessed")
        }
        guard let id = system.osID, id == "debian" || id == "ubuntu" else {
            return warning(
                "no lifecycle table for '\(system.osID ?? family)' \(system.versionID ?? "") (capdo reads Debian's "
                    + "distro-info-data for Debian and Ubuntu only): OS support not assessed")
        }
        let file = directory + "/\(id).csv"
        let text: String
        do {
            text = try tables.readText("\(id).csv", limit: 1 << 20)
        } catch {
            return warning(
                "\(file) cannot be read (\(error.reason == .missing ? "not installed" : "unreadable")): install "
                    + "distro-info-data on the scanning machine; OS support not assessed", file: file)
        }
        let rows = DistroInfoTable.rows(text)
        guard let row = DistroInfoTable.row(in: rows, codename: system.versionCodename, versionID: system.versionID)
        else {
            return warning(
                "\(id) \(system.versionID ?? "") (\(system.versionCodename ?? "no codename")) is not in \(file): "
                    + "update distro-info-data; OS support not assessed", file: file)
        }
        guard let facts = DistroInfoTable.support(of: row, distribution: id, file: file) else {
            return warning(
                "\(file):\(row.line) gives no end of support for \(row.series) (testing or unstable): OS support "
                    + "not assessed", file: file)
        }
        return (facts, [])
    }
}

extension FollowUpCollector {
    /// The `os_support` section, from the system facts the host collectors found and the distro-info tables of the
    /// scanning machine (`HostEnvironment.distroInfoDirectory`), not of the scanned root.
    public static let osSupport = FollowUpCollector(
        id: OSSupportLookup.collector,
        summary: "End of security support of the OS release (distro-info-data CSV; Windows lifecycle table)"
    ) { (snapshot, environment) throws(CapdoError) in
        guard snapshot.system != nil else { return false }
        let directory = environment.distroInfoDirectory
        let found = OSSupportLookup.lookup(
            snapshot.system, tables: FileReader(root: directory), directory: directory)
        snapshot.osSupport = found.facts
        snapshot.issues += found.issues
        return true
    }
}
