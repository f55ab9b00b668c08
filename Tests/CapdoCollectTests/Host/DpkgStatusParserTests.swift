import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("DpkgStatusParser and PackagesCollector")
struct DpkgStatusParserTests {
    static let sample = """
        Package: openssh-server
        Status: install ok installed
        Priority: optional
        Architecture: amd64
        Source: openssh (1:9.2p1-2+deb12u3)
        Version: 1:9.2p1-2+deb12u3
        Description: secure shell (SSH) server
         This is the portable version of OpenSSH.
         .
         More text.

        Package: libc6
        Status: install ok installed
        Multi-Arch: same
        Architecture: i386
        Version: 2.36-9+deb12u7

        Package: telnetd
        Status: deinstall ok config-files
        Architecture: amd64
        Version: 0.17+2.4-2


        """

    @Test func parsesStanzasStatesAndSources() {
        let result = DpkgStatusParser.parse(Self.sample, file: "var/lib/dpkg/status")
        #expect(result.issues.isEmpty)
        #expect(result.packages.map(\.name) == ["openssh-server", "libc6", "telnetd"])
        #expect(
            result.packages[0]
                == InstalledPackage(
                    name: "openssh-server", version: "1:9.2p1-2+deb12u3", architecture: "amd64", state: "installed",
                    sourcePackage: "openssh", file: "var/lib/dpkg/status", line: 1))
        #expect(result.packages[1].line == 12)
        #expect(result.packages[1].architecture == "i386")
        #expect(result.packages[2].state == "config-files")
        #expect(result.packages[2].isPresent == false)
    }

    @Test func garbageLinesAreIssuesAndParsingGoesOn() {
        let text =
            "Package: a\nStatus: install ok installed\nVersion: 1\nthis is garbage\n\n no field\nPackage: b\n"
            + "Status: install ok\nVersion: 2\n\n"
        let result = DpkgStatusParser.parse(text, file: "s")
        #expect(result.packages.map(\.name) == ["a", "b"])
        #expect(result.packages[1].state == "unknown")
        #expect(result.issues.map(\.line) == [4, 6, 8])
        #expect(result.issues.allSatisfy { $0.file == "s" })
    }

    /// Every truncation of the sample (each byte length) yields only complete, unchanged stanzas, and an
    /// issue with file:line whenever a stanza was cut.
    @Test func everyTruncationKeepsCompleteStanzas() {
        let bytes = Array(Self.sample.utf8)
        let full = DpkgStatusParser.parse(Self.sample, file: "s").packages
        for length in 0...bytes.count {
            let text = String(decoding: bytes[0..<length], as: UTF8.self)
            let result = DpkgStatusParser.parse(text, file: "s")
            #expect(result.packages == Array(full.prefix(result.packages.count)), "length \(length)")
            let endsCleanly = text.isEmpty || text.hasSuffix("\n\n")
            if !endsCleanly {
                #expect(result.issues.contains { $0.file == "s" && $0.line != nil }, "length \(length)")
            }
            if length == bytes.count - 1 {
                // Only the final blank line is missing: the last stanza is whole, kept, and flagged.
                #expect(result.packages.count == 3)
                #expect(result.issues.first?.line == 18)
                #expect(result.issues.first?.level == .warning)
            }
        }
    }

    @Test func statusDirectoryFilesNeedNoFinalBlankLine() async throws {
        let root = try TemporaryDirectory()
        try root.write(
            "var/lib/dpkg/status.d/base", "Package: base-files\nStatus: install ok installed\nVersion: 12.4\n")
        try root.write("var/lib/dpkg/status.d/base.md5sums", "abc  etc/debian_version\n")
        let output = await PackagesCollector().collect(in: root.environment())
        #expect(output.packages?.sources == ["var/lib/dpkg/status.d/base"])
        #expect(output.packages?.packages.map(\.name) == ["base-files"])
        #expect(output.issues.isEmpty)
    }

    @Test func noDatabaseMeansNoSection() async throws {
        let root = try TemporaryDirectory()
        #expect(await PackagesCollector().collect(in: root.environment()).packages == nil)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/bin/dpkg-query"), "dpkg-query not installed"))
    func installedSetEqualsDpkgQueryOnThisMachine() async throws {
        let env = HostEnvironment(root: "/", now: Date(), live: false)
        let output = await PackagesCollector().collect(in: env)
        let ours = Set(
            (output.packages?.packages ?? []).filter { $0.state == "installed" }
                .map { "\($0.name)\t\($0.version)\t\($0.architecture ?? "")" })
        let oracle = try Self.dpkgQuery([])
        #expect(!oracle.isEmpty)
        #expect(
            ours == oracle,
            "only capdo: \(ours.subtracting(oracle).prefix(5)), only dpkg: \(oracle.subtracting(ours).prefix(5))")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/bin/dpkg-query"), "dpkg-query not installed"))
    func copiedStatusFileEqualsDpkgQueryAdmindir() async throws {
        let root = try TemporaryDirectory()
        var text = try String(contentsOfFile: "/var/lib/dpkg/status", encoding: .utf8)
        // Make the copy differ from the live database: dpkg itself removed with its config files kept.
        text = text.replacingOccurrences(
            of: "Package: dpkg\nEssential: yes\nStatus: install ok installed",
            with: "Package: dpkg\nEssential: yes\nStatus: deinstall ok config-files")
        try root.write("var/lib/dpkg/status", text)
        let output = await PackagesCollector().collect(in: root.environment())
        let ours = Set(
            (output.packages?.packages ?? []).filter { $0.state == "installed" }
                .map { "\($0.name)\t\($0.version)\t\($0.architecture ?? "")" })
        let oracle = try Self.dpkgQuery(["--admindir=" + root.path + "/var/lib/dpkg"])
        #expect(ours == oracle)
        #expect(!ours.contains { $0.hasPrefix("dpkg\t") })
        #expect(output.issues.isEmpty)
    }

    /// `ii` rows of dpkg-query as `name\tversion\tarch`.
    static func dpkgQuery(_ extra: [String]) throws -> Set<String> {
        let output = try Shell.run(
            "/usr/bin/dpkg-query", extra + ["-W", "-f=${db:Status-Abbrev}\t${Package}\t${Version}\t${Architecture}\n"],
            allowFailure: true)
        var rows: Set<String> = []
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4, fields[0].trimmingCharacters(in: .whitespaces) == "ii" else { continue }
            rows.insert(fields[1...].joined(separator: "\t"))
        }
        return rows
    }
}
