import CapdoCore
import Foundation

/// Debian's release tables from `distro-info-data` (`/usr/share/distro-info/debian.csv`, `ubuntu.csv`): pure text →
/// rows, and the support facts of one release.
///
/// Columns are named by the header line (`version,codename,series,created,release,eol,eol-lts,eol-elts` for Debian;
/// `…,eol,eol-server,eol-esm,eol-legacy` for Ubuntu), so new columns do not shift the ones capdo reads.
public enum DistroInfoTable {
    /// One release row; dates nil where the cell is empty.
    public struct Row: Sendable, Equatable {
        public var version: String
        public var codename: String
        public var series: String
        public var release: Date?
        public var eol: Date?
        public var eolLTS: Date?
        public var line: Int
    }

    /// The rows of a distro-info CSV; lines that do not fit the header are skipped.
    public static func rows(_ text: String) -> [Row] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        else { return [] }
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        guard let version = column("version"), let codename = column("codename"), let series = column("series")
        else { return [] }
        let release = column("release")
        let eol = column("eol")
        let lts = column("eol-lts")
        var rows: [Row] = []
        for (index, line) in lines.enumerated().dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count > series else { continue }
            func date(_ column: Int?) -> Date? {
                guard let column, column < cells.count, !cells[column].isEmpty else { return nil }
                return CapdoDate.parse(cells[column])
            }
            rows.append(
                Row(
                    version: cells[version], codename: cells[codename], series: cells[series], release: date(release),
                    eol: date(eol), eolLTS: date(lts), line: index + 1))
        }
        return rows
    }

    /// The release of an os-release `VERSION_CODENAME` (the table's `series`) or, failing that, `VERSION_ID`.
    public static func row(in rows: [Row], codename: String?, versionID: String?) -> Row? {
        if let codename, !codename.isEmpty, let row = rows.first(where: { $0.series == codename }) { return row }
        guard let versionID, !versionID.isEmpty else { return nil }
        return rows.first { $0.version == versionID || $0.version == versionID + " LTS" }
    }

    /// The support facts of `row`: Debian is supported to the end of LTS (security updates by the Debian LTS team)
    /// where the table gives one, else to `eol`; Ubuntu to the end of standard support (`eol`; ESM needs an Ubuntu Pro
    /// subscription a snapshot cannot show). Nil for a release without an end date (testing, unstable).
    public static func support(of row: Row, distribution: String, file: String) -> OSSupportFacts? {
        let name = distribution == "ubuntu" ? "Ubuntu" : "Debian"
        let product = "\(name) \(row.version) (\(row.series))"
        if distribution == "debian", let lts = row.eolLTS {
            return OSSupportFacts(
                source: file, line: row.line, product: product, basis: "eol-lts", supportEnd: lts,
                standardEnd: row.eol, ltsEnd: lts)
        }
        guard let eol = row.eol else { return nil }
        return OSSupportFacts(
            source: file, line: row.line, product: product, basis: "eol", supportEnd: eol, standardEnd: eol)
    }
}
