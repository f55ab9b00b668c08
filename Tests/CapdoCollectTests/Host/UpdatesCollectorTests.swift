import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("UpdatesCollector and AptListsParser")
struct UpdatesCollectorTests {
    @Test(arguments: [
        (
            "deb.debian.org_debian-security_dists_bookworm-security_main_binary-amd64_Packages", "bookworm-security",
            true
        ),
        ("deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages", "bookworm", false),
        (
            "deb.debian.org_debian_dists_bookworm-updates_non-free-firmware_binary-amd64_Packages", "bookworm-updates",
            false
        ),
        ("security.debian.org_dists_stretch_updates_main_binary-amd64_Packages", "stretch/updates", true),
    ])
    func suites(file: String, suite: String, security: Bool) {
        #expect(AptListsParser.suite(ofListFile: file) == suite)
        #expect(AptListsParser.isSecurity(suite: suite) == security)
    }

    @Test func releaseDates() {
        #expect(
            AptListsParser.releaseDate("Origin: Debian\nDate: Sat, 28 Nov 2026 06:00:00 UTC\n")
                == CapdoDate.parse("2026-11-28T06:00:00Z"))
        #expect(AptListsParser.rfc2822("Sat, 28 Nov 2026 13:00:00 +0700") == CapdoDate.parse("2026-11-28T06:00:00Z"))
        #expect(AptListsParser.rfc2822("yesterday") == nil)
    }

    @Test func pendingUpdatesFromLists() async throws {
        let root = try TemporaryDirectory()
        try root.write(
            "var/lib/dpkg/status",
            """
            Package: openssl
            Status: install ok installed
            Architecture: amd64
            Version: 3.0.15-1~deb12u1

            Package: bash
            Status: install ok installed
            Architecture: amd64
            Version: 5.2.15-2+b7

            Package: old
            Status: deinstall ok config-files
            Architecture: amd64
            Version: 1.0


            """)
        let lists = "var/lib/apt/lists/"
        let security = "deb.debian.org_debian-security_dists_bookworm-security"
        let main = "deb.debian.org_debian_dists_bookworm"
        try root.write(lists + security + "_InRelease", "Origin: Debian\nDate: Fri, 27 Nov 2026 10:00:00 UTC\n")
        try root.write(lists + main + "_InRelease", "Origin: Debian\nDate: Sat, 28 Nov 2026 06:00:00 UTC\n")
        try root.write(
            lists + security + "_main_binary-amd64_Packages",
            "Package: openssl\nVersion: 3.0.17-1~deb12u2\nArchitecture: amd64\nDescription: x\n y\n\n"
                + "Package: old\nVersion: 2.0\nArchitecture: amd64\n")
        try root.write(
            lists + main + "_main_binary-amd64_Packages",
            "Package: openssl\nVersion: 3.0.16-1\nArchitecture: amd64\n\nPackage: bash\nVersion: 5.2.15-2+b2\nArchitecture: amd64\n\n"
                + "Package: curl\nVersion: 9\nArchitecture: amd64\n")
        let output = await UpdatesCollector().collect(in: root.environment())
        let updates = try #require(output.updates)
        #expect(updates.sources.count == 2)
        #expect(updates.listsDate == CapdoDate.parse("2026-11-28T06:00:00Z"))
        #expect(
            updates.pending == [
                PendingUpdate(
                    name: "openssl", installed: "3.0.15-1~deb12u1", available: "3.0.17-1~deb12u2", security: true,
                    file: lists + security + "_main_binary-amd64_Packages",
                    published: CapdoDate.parse("2026-11-27T10:00:00Z"))
            ])
        #expect(output.issues.isEmpty, "\(output.issues)")
    }

    /// A list that cannot be read (corrupt, truncated, or in a compression capdo lacks) makes the pending
    /// updates unknown: an error naming the file, never an empty (passing) list.
    @Test(
        arguments: [
            ("_Packages.lz4", Array("compressed".utf8)), ("_Packages.gz", [0x1F, 0x8B, 0x08, 0x00, 0x01]),
            ("_Packages.xz", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00]), ("_Packages.zst", [0x28, 0xB5, 0x2F, 0xFD]),
        ] as [(String, [UInt8])])
    func unreadableListMakesPendingUnknown(suffix: String, bytes: [UInt8]) async throws {
        let root = try TemporaryDirectory()
        try root.write("var/lib/dpkg/status", "Package: a\nStatus: install ok installed\nVersion: 1\n\n")
        let lists = "var/lib/apt/lists/deb.debian.org_debian_dists_bookworm"
        try root.write(lists + "_main_binary-amd64_Packages", "Package: b\nVersion: 1\n")
        try root.write(lists + "_contrib_binary-amd64" + suffix, data: Data(bytes))
        let output = await UpdatesCollector().collect(in: root.environment())
        #expect(output.updates == nil)
        #expect(output.issues.count == 1)
        #expect(output.issues.first?.level == .error)
        #expect(output.issues.first?.file == lists + "_contrib_binary-amd64" + suffix, "\(output.issues)")
    }

    /// Without a Release file the lists' date is the list's modification time.
    @Test func listsDateFallsBackToTheListsMtime() async throws {
        let root = try TemporaryDirectory()
        try root.write("var/lib/dpkg/status", "Package: a\nStatus: install ok installed\nVersion: 1\n\n")
        let date = try #require(CapdoDate.parse("2026-10-01T00:00:00Z"))
        try root.write(
            "var/lib/apt/lists/mirror_debian_dists_bookworm_main_binary-amd64_Packages", "Package: a\nVersion: 2\n",
            modified: date)
        let output = await UpdatesCollector().collect(in: root.environment())
        let updates = try #require(output.updates)
        #expect(updates.listsDate == date)
        #expect(updates.pending.first?.published == date)
    }

    @Test func noListsGiveAnEmptySection() async throws {
        let root = try TemporaryDirectory()
        try root.write("var/lib/dpkg/status", "Package: a\nStatus: install ok installed\nVersion: 1\n\n")
        let output = await UpdatesCollector().collect(in: root.environment())
        #expect(output.updates == UpdateFacts(sources: [], listsDate: nil, pending: []))
    }
}
