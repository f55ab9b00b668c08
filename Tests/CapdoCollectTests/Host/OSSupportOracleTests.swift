import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

/// Debian's `distro-info` programs (package `distro-info`) answer which releases are supported on a date from the same
/// distro-info-data tables capdo reads: capdo's end dates must give the same sets.
@Suite(
    "OS support from distro-info-data, against debian-distro-info and ubuntu-distro-info",
    .enabled(
        if: FileManager.default.isExecutableFile(atPath: "/usr/bin/debian-distro-info"), "needs package distro-info"))
struct OSSupportOracleTests {
    static let directory = "/usr/share/distro-info"
    static let dates = [
        "2019-07-06", "2021-06-01", "2022-09-10", "2024-06-30", "2024-07-01", "2025-05-31", "2025-06-01",
        "2026-07-11", "2026-07-12", "2026-08-31", "2026-09-01", "2026-11-28", "2027-06-01", "2028-06-30",
        "2028-07-01", "2029-05-31", "2029-06-01",
    ]

    static func run(_ program: String, _ arguments: [String]) throws -> Set<String> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/" + program)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    /// Series whose row gives no release date (the CSV's fifth column), read without capdo's parser.
    static func undated(_ distribution: String) throws -> Set<String> {
        let text = try String(contentsOfFile: "\(directory)/\(distribution).csv", encoding: .utf8)
        return Set(
            text.split(separator: "\n").dropFirst().compactMap { line in
                let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                return cells.count < 5 || cells[4].isEmpty ? String(cells[2]) : nil
            })
    }

    /// The series capdo counts as supported on `day`: released by then and `day` before the end it judges by.
    static func capdoSupported(_ distribution: String, on day: String) throws -> Set<String> {
        let text = try String(contentsOfFile: "\(directory)/\(distribution).csv", encoding: .utf8)
        let date = try #require(CapdoDate.parse(day))
        return Set(
            DistroInfoTable.rows(text).compactMap { row in
                guard let release = row.release, release <= date,
                    let facts = DistroInfoTable.support(of: row, distribution: distribution, file: "t")
                else { return nil }
                return date < facts.supportEnd ? row.series : nil
            })
    }

    @Test(arguments: dates)
    func debianSupportedOrLTS(_ day: String) throws {
        // distro-info: --supported is before eol (plus testing, unstable and experimental, not yet released), --lts is
        // from eol to before eol-lts. capdo counts Debian supported until the end of LTS.
        // Beyond the data's horizon distro-info takes the release after stable as released; its row has no release
        // date and no end yet, so capdo does not judge it (not assessed) and it is left out here.
        let unreleased = try Self.run("debian-distro-info", ["--testing", "--date=\(day)"])
            .union(["sid", "experimental"]).union(try Self.undated("debian"))
        let supported = try Self.run("debian-distro-info", ["--supported", "--date=\(day)"]).subtracting(unreleased)
        let lts = try Self.run("debian-distro-info", ["--lts", "--date=\(day)"])
        #expect(try Self.capdoSupported("debian", on: day) == supported.union(lts))
    }

    @Test(arguments: dates)
    func ubuntuSupported(_ day: String) throws {
        // --devel is the release in development (none, with a message on standard error, when the data ends).
        let devel = try Self.run("ubuntu-distro-info", ["--devel", "--date=\(day)"])
        let supported = try Self.run("ubuntu-distro-info", ["--supported", "--date=\(day)"]).subtracting(devel)
        #expect(try Self.capdoSupported("ubuntu", on: day) == supported)
    }

    @Test func lookupOfTheSampleReleases() throws {
        let tables = FileReader(root: Self.directory)
        let bookworm = OSSupportLookup.lookup(
            SystemFacts(osID: "debian", osFamily: "debian", versionID: "12", versionCodename: "bookworm"),
            tables: tables, directory: Self.directory)
        #expect(bookworm.issues.isEmpty)
        #expect(bookworm.facts?.basis == "eol-lts")
        #expect(bookworm.facts?.product == "Debian 12 (bookworm)")
        #expect(bookworm.facts?.source == "/usr/share/distro-info/debian.csv")
        let jammy = OSSupportLookup.lookup(
            SystemFacts(osID: "ubuntu", osFamily: "debian", versionID: "22.04", versionCodename: "jammy"),
            tables: tables, directory: Self.directory)
        #expect(jammy.facts?.basis == "eol")
        #expect(jammy.facts?.supportEnd == CapdoDate.parse("2027-06-01"))
        #expect(jammy.facts?.line == 37)
    }
}

@Suite("OS support when capdo cannot tell: not judged, with a warning")
struct OSSupportLookupTests {
    @Test(arguments: [("rhel", "rhel", "9.4"), ("alpine", "alpine", "3.20"), ("debian", "debian", "12")])
    func noTableGivesAWarningAndNoFacts(_ id: String, _ family: String, _ version: String) throws {
        let empty = try TemporaryDirectory()
        let found = OSSupportLookup.lookup(
            SystemFacts(osID: id, osFamily: family, versionID: version), tables: FileReader(root: empty.path),
            directory: empty.path)
        #expect(found.facts == nil)
        #expect(found.issues.count == 1)
        #expect(found.issues.first?.level == .warning)
        #expect(found.issues.first?.message.contains("not assessed") == true)
    }

    @Test func releaseMissingFromTheTableOrWithoutEnd() throws {
        let tables = try TemporaryDirectory()
        try tables.write(
            "debian.csv",
            "version,codename,series,created,release,eol,eol-lts,eol-elts\n13,Trixie,trixie,2023-06-10,2025-08-09\n")
        for (codename, version) in [("forky", "14"), ("trixie", "13")] {
            let found = OSSupportLookup.lookup(
                SystemFacts(osID: "debian", osFamily: "debian", versionID: version, versionCodename: codename),
                tables: FileReader(root: tables.path), directory: tables.path)
            #expect(found.facts == nil)
            #expect(found.issues.first?.file == tables.path + "/debian.csv")
        }
    }

    @Test(arguments: [
        ("10.0.19045", "Microsoft Windows 10 Pro 22H2", "2025-10-14"),
        ("10.0.19045", "Microsoft Windows 10 Enterprise 22H2", "2025-10-14"),
        ("10.0.19044", "Microsoft Windows 10 Enterprise LTSC 2021", "2027-01-12"),
        ("10.0.22631", "Microsoft Windows 11 Pro", "2025-11-11"),
        ("10.0.22631", "Microsoft Windows 11 Education", "2026-11-10"),
        ("10.0.26200", "Microsoft Windows 11 Pro 25H2", "2027-10-12"),
    ])
    func windowsBuildsByEdition(_ version: String, _ name: String, _ end: String) throws {
        let facts = try #require(
            WindowsLifecycle.support(
                of: SystemFacts(osID: "windows", osFamily: "windows", versionID: version, prettyName: name)))
        #expect(facts.supportEnd == CapdoDate.parse(end))
        #expect(facts.source == WindowsLifecycle.source)
    }

    @Test func unknownWindowsBuildIsNotJudged() {
        #expect(
            WindowsLifecycle.support(of: SystemFacts(osID: "windows", osFamily: "windows", versionID: "10.0.99999"))
                == nil)
        #expect(WindowsLifecycle.support(of: SystemFacts(osID: "debian", osFamily: "debian", versionID: "12")) == nil)
    }
}
