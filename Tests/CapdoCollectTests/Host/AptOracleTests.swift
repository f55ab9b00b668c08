import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

/// Compares `UpdatesCollector` with apt itself: `apt-get -s upgrade` run on the root's dpkg status, sources
/// and lists (`-o Dir=ROOT`), with the Packages lists plain and kept compressed by gzip, xz and lz4 as
/// `Acquire::GzipIndexes` leaves them. The pending sets must be equal, package by package and version by version.
@Suite("pending updates: apt oracle")
struct AptOracleTests {
    static let status = """
        Package: openssl
        Status: install ok installed
        Architecture: amd64
        Version: 3.0.15-1~deb12u1
        Description: x

        Package: vim
        Status: install ok installed
        Architecture: amd64
        Version: 2:9.0.1378-2
        Description: x

        Package: bash
        Status: install ok installed
        Architecture: amd64
        Version: 5.2.15-2+b7
        Description: x

        Package: tzdata
        Status: install ok installed
        Architecture: all
        Version: 2024a-0+deb12u1
        Description: x

        Package: libc6
        Status: install ok installed
        Architecture: amd64
        Version: 2.36-9+deb12u4
        Description: x

        Package: removed
        Status: deinstall ok config-files
        Architecture: amd64
        Version: 1.0
        Description: x


        """

    static let security = "deb.debian.org_debian-security_dists_bookworm-security"
    static let main = "deb.debian.org_debian_dists_bookworm"

    static func stanza(_ name: String, _ version: String, _ architecture: String = "amd64") -> String {
        "Package: \(name)\nVersion: \(version)\nArchitecture: \(architecture)\nFilename: pool/\(name).deb\n"
            + "Size: 1\nDescription: x\n multi-line\n\n"
    }

    static let securityList =
        stanza("openssl", "3.0.17-1~deb12u2") + stanza("libc6", "2.36-9+deb12u9") + stanza("removed", "2.0")
    static let mainList =
        stanza("openssl", "3.0.16-1") + stanza("vim", "2:9.0.1378-2+deb12u2") + stanza("bash", "5.2.15-2+b2")
        + stanza("tzdata", "2024a-0+deb12u1", "all") + stanza("libc6", "2.36-9+deb12u10") + stanza("curl", "9")

    /// How apt keeps a list: plain, or compressed by a tool that leaves `FILE<suffix>`.
    struct Compression: Sendable, CustomTestStringConvertible {
        var suffix: String
        var command: [String]
        var testDescription: String { suffix.isEmpty ? "plain" : suffix }

        func apply(_ path: String) throws {
            guard let tool = command.first else { return }
            let arguments = Array(command.dropFirst()) + (suffix == ".lz4" ? [path, path + suffix] : [path])
            let result = try #require(ProcessRunner.oracle.run(tool, arguments))
            #expect(result.status == 0, "\(tool): \(result.stderr)")
        }
    }

    static let compressions = [
        Compression(suffix: "", command: []), Compression(suffix: ".gz", command: ["/usr/bin/gzip", "-9n"]),
        Compression(suffix: ".xz", command: ["/usr/bin/xz"]),
        Compression(suffix: ".lz4", command: ["/usr/bin/lz4", "-q", "--rm"]),
    ]

    /// Writes the root with its lists kept as `compression` leaves them.
    static func makeRoot(_ compression: Compression) throws -> TemporaryDirectory {
        let root = try TemporaryDirectory()
        try root.write("var/lib/dpkg/status", status)
        try root.write(
            "etc/apt/sources.list",
            "deb http://deb.debian.org/debian bookworm main\n"
                + "deb http://deb.debian.org/debian-security bookworm-security main\n")
        for directory in ["var/lib/apt/lists/partial", "var/cache/apt/archives/partial", "etc/apt/apt.conf.d"] {
            try root.mkdir(directory)
        }
        let lists = "var/lib/apt/lists/"
        for (prefix, suite, label, text) in [
            (security, "bookworm-security", "Debian-Security", securityList), (main, "bookworm", "Debian", mainList),
        ] {
            try root.write(
                lists + prefix + "_InRelease",
                "Origin: Debian\nLabel: \(label)\nCodename: \(suite)\nDate: Sat, 28 Nov 2026 06:00:00 UTC\n"
                    + "Architectures: amd64\nComponents: main\n")
            let list = try root.write(lists + prefix + "_main_binary-amd64_Packages", text)
            try compression.apply(list.path)
        }
        return root
    }

    /// `Inst openssl [3.0.15-1~deb12u1] (3.0.17-1~deb12u2 Debian-Security:… [amd64])` → openssl → 3.0.17-1~deb12u2.
    static func aptPending(_ root: TemporaryDirectory, command: String = "upgrade") throws -> [String: String] {
        let arguments = [
            "-s", command, "-o", "Dir=" + root.path, "-o", "Dir::State::status=" + root.path + "/var/lib/dpkg/status",
            "-o", "APT::Architecture=amd64", "-o", "APT::Architectures::=amd64", "-o", "Debug::NoLocking=1",
        ]
        let result = try #require(ProcessRunner.oracle.run("/usr/bin/apt-get", arguments))
        #expect(result.status == 0, "apt-get: \(result.stderr)")
        var pending: [String: String] = [:]
        for line in result.stdout.split(separator: "\n") where line.hasPrefix("Inst ") {
            let words = line.split(separator: " ")
            // `Inst name [installed] (candidate …)`; a package apt would newly install has no `[installed]`.
            guard words.count >= 4, words[2].hasPrefix("[") else { continue }
            pending[String(words[1])] = String(words[3].dropFirst())
        }
        return pending
    }

    @Test(
        "capdo's pending updates equal apt-get -s upgrade, plain and compressed",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/apt-get"), "needs apt"),
        arguments: compressions)
    func matchesApt(_ compression: Compression) async throws {
        let root = try Self.makeRoot(compression)
        let names = FileReader(root: root.path).list("var/lib/apt/lists").filter { $0.contains("_Packages") }
        #expect(names.count == 2 && names.allSatisfy { $0.hasSuffix("_Packages" + compression.suffix) }, "\(names)")
        let apt = try Self.aptPending(root)
        #expect(apt == ["openssl": "3.0.17-1~deb12u2", "vim": "2:9.0.1378-2+deb12u2", "libc6": "2.36-9+deb12u10"])
        let output = await UpdatesCollector().collect(in: root.environment())
        #expect(output.issues.isEmpty, "\(output.issues)")
        let updates = try #require(output.updates)
        var capdo: [String: String] = [:]
        for update in updates.pending { capdo[update.name] = update.available }
        #expect(capdo == apt)
        #expect(updates.pending.filter(\.security).map(\.name) == ["libc6", "openssl"])
        #expect(updates.listsDate == CapdoDate.parse("2026-11-28T06:00:00Z"))
    }

    /// A compressed list cut short (an interrupted write) is an error naming the file, not fewer updates.
    @Test(arguments: compressions.filter { !$0.suffix.isEmpty })
    func truncatedCompressedListIsAnError(_ compression: Compression) async throws {
        let root = try Self.makeRoot(compression)
        let name = "var/lib/apt/lists/" + Self.security + "_main_binary-amd64_Packages" + compression.suffix
        let data = try Data(contentsOf: root.url(name))
        try root.write(name, data: data.prefix(data.count - 9))
        let output = await UpdatesCollector().collect(in: root.environment())
        #expect(output.updates == nil)
        #expect(output.issues.map(\.file) == [name], "\(output.issues)")
        #expect(output.issues.first?.level == .error)
    }

    /// Lists of the machine running the tests, as apt left them (on this project's machines kept as lz4 by
    /// `Acquire::GzipIndexes`, about 90 MB decompressed), with its dpkg status.
    static var hostLists: [String] {
        FileReader(root: "/").list("var/lib/apt/lists").filter { $0.contains("_Packages") || $0.hasSuffix("Release") }
    }

    /// The real Debian archive lists of this machine: every installed package apt would upgrade (`apt-get -s
    /// dist-upgrade`, `Inst` lines of installed packages) is pending in capdo with the same version, and no other.
    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/apt-get")
                && hostLists.contains { $0.contains("_Packages") }, "needs apt and downloaded lists"))
    func hostListsMatchApt() async throws {
        let root = try TemporaryDirectory()
        try root.write("var/lib/dpkg/status", data: Data(contentsOf: URL(fileURLWithPath: "/var/lib/dpkg/status")))
        for name in Self.hostLists {
            try root.write(
                "var/lib/apt/lists/" + name,
                data: Data(contentsOf: URL(fileURLWithPath: "/var/lib/apt/lists/" + name)))
        }
        for directory in ["var/lib/apt/lists/partial", "var/cache/apt/archives/partial", "etc"] {
            try root.mkdir(directory)
        }
        let copy = try #require(ProcessRunner.oracle.run("/bin/cp", ["-r", "/etc/apt", root.url("etc").path]))
        #expect(copy.status == 0, "\(copy.stderr)")
        let apt = try Self.aptPending(root, command: "dist-upgrade")
        let output = await UpdatesCollector().collect(in: root.environment())
        #expect(output.issues.isEmpty, "\(output.issues)")
        let updates = try #require(output.updates)
        var capdo: [String: String] = [:]
        for update in updates.pending { capdo[update.name] = update.available }
        #expect(capdo == apt)
        #expect(updates.sources.count == Self.hostLists.filter { $0.contains("_Packages") }.count)
    }
}
