import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("ClamAV database headers against sigtool --info")
struct ClamavDatabaseHeaderTests {
    /// Writes a tiny real signature set and lets sigtool pack it into `<name>.cvd`.
    static func buildDatabase(_ root: TemporaryDirectory, name: String, version: Int) throws -> String {
        let directory = root.path + "/build-\(name)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data(
            "capdo.test.\(name).1:0:*:6361706430207465737420737472696e67\ncapdo.test.\(name).2:0:*:deadbeefcafebabe0011223344\n"
                .utf8
        )
        .write(to: URL(fileURLWithPath: directory + "/\(name).ndb"))
        try Data("44d88612fea8a8f36de82e1278abb02f:68:Capdo-Test-\(name)\n".utf8)
            .write(to: URL(fileURLWithPath: directory + "/\(name).hdb"))
        // sigtool --build refuses to pack a database without a COPYING file.
        try Data("capdo test signatures, public domain\n".utf8).write(to: URL(fileURLWithPath: directory + "/COPYING"))
        return try Sigtool.build(name: name, version: version, in: directory)
    }

    @Test(
        "capdo's header facts equal sigtool --info on databases sigtool built",
        .enabled(if: Sigtool.available, "needs sigtool (Debian package clamav; scripts/install-deps --test)"),
        arguments: [("daily", 27_500), ("main", 62)])
    func headerMatchesSigtool(name: String, version: Int) throws {
        let root = try TemporaryDirectory()
        let file = try Self.buildDatabase(root, name: name, version: version)
        let info = try Sigtool.info(file)
        let data = try FileReader(root: "/").readPrefix(file, bytes: ClamavDatabaseHeader.length)
        let header = try ClamavDatabaseHeader.parse(data, name: name, file: file)
        #expect(String(header.version) == info["Version"])
        #expect(String(header.signatures) == info["Signatures"])
        #expect(String(header.functionalityLevel) == info["Functionality level"])
        #expect(header.builder == info["Builder"])
        #expect(header.md5 == info["MD5"])
        // sigtool prints the header's build-time text with ':' between hours and minutes.
        #expect(header.buildTimeText.replacingOccurrences(of: "-", with: ":") == info["Build time"])
        let minute = ClamavDatabaseHeader.parseBuildTime(header.buildTimeText)
        #expect(minute.map { abs($0.timeIntervalSince(header.buildTime)) < 60 } == true)
        #expect(abs(header.buildTime.timeIntervalSinceNow) < 3_600)
        #expect(version == header.version)
    }

    @Test(
        "the collector reports every database sigtool built, with the newest build time",
        .enabled(if: Sigtool.available, "needs sigtool (Debian package clamav)"))
    func collectorReadsRealDatabases() async throws {
        let root = try TemporaryDirectory()
        for (name, version) in [("daily", 27_501), ("main", 62)] {
            let built = try Self.buildDatabase(root, name: name, version: version)
            try root.write("var/lib/clamav/\(name).cvd", data: Data(contentsOf: URL(fileURLWithPath: built)))
        }
        try root.symlink(
            "etc/systemd/system/multi-user.target.wants/clamav-daemon.service",
            to: "/lib/systemd/system/clamav-daemon.service")
        let output = await AntivirusCollector().collect(in: root.environment(now: Date()))
        #expect(output.issues.isEmpty)
        let product = try #require(output.antivirus?.products.first)
        #expect(product.product == "clamav")
        #expect(product.databases.map(\.name) == ["daily", "main"])
        #expect(product.databases.map(\.version) == [27_501, 62])
        #expect(product.enabled == true)
        #expect(product.realTime == false)
        #expect(product.signatureTime == product.databases.map(\.buildTime).max())
    }

    static let sample = "ClamAV-VDB:28 Nov 2026 07-40 +0000:27838:2071652:90:X:X:raynman:1795851600"

    static func padded(_ text: String) -> Data {
        Data((text + String(repeating: " ", count: max(0, 512 - text.utf8.count))).utf8)
    }

    @Test func parsesAPaddedHeader() throws {
        let header = try ClamavDatabaseHeader.parse(
            Self.padded(Self.sample), name: "daily", file: "var/lib/clamav/daily.cld")
        #expect(header.version == 27_838)
        #expect(header.signatures == 2_071_652)
        #expect(header.functionalityLevel == 90)
        #expect(header.builder == "raynman")
        #expect(header.buildTime == Date(timeIntervalSince1970: 1_795_851_600))
        #expect(
            ClamavDatabaseHeader.parseBuildTime("16 Sep 2021 08-32 -0400") == Date(timeIntervalSince1970: 1_631_795_520)
        )
    }

    @Test func everyTruncationIsAClearError() {
        let full = Self.padded(Self.sample)
        for length in 0..<512 {
            #expect(throws: ClamavDatabaseHeader.ParseError.self) {
                try ClamavDatabaseHeader.parse(full.prefix(length), name: "daily", file: "f")
            }
        }
    }

    @Test(arguments: [
        "NotClamAV:28 Nov 2026 07-40 +0000:1:2:3:X:X:b:1",
        "ClamAV-VDB:28 Nov 2026 07-40 +0000:abc:2:90:X:X:b:1795851600",
        "ClamAV-VDB:garbage:1:2:90",
        "ClamAV-VDB:31 Foo 2026 07-40 +0000:1:2:90:X:X:b:notanumber",
    ])
    func corruptHeadersAreErrors(text: String) {
        #expect(throws: ClamavDatabaseHeader.ParseError.self) {
            try ClamavDatabaseHeader.parse(Self.padded(text), name: "daily", file: "f")
        }
    }

    @Test func randomByteFlipsNeverCrash() {
        var generator = SystemRandomNumberGenerator()
        let base = [UInt8](Self.padded(Self.sample))
        for _ in 0..<2_000 {
            var bytes = base
            for _ in 0..<3 {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            _ = try? ClamavDatabaseHeader.parse(Data(bytes), name: "daily", file: "f")
        }
    }

    @Test func shortAndCorruptDatabasesBecomeErrorsNamingTheFile() async throws {
        let root = try TemporaryDirectory()
        try root.write("var/lib/clamav/daily.cvd", "ClamAV-VDB:28 Nov 2026 07-40 +0000:27838")
        try root.write(
            "var/lib/clamav/main.cvd",
            data: Self.padded("ClamAV-VDB:16 Sep 2021 08-32 -0400:62:zz:90:X:X:sigmgr:1631795562"))
        let output = await AntivirusCollector().collect(in: root.environment())
        #expect(output.antivirus?.products.isEmpty == true)
        #expect(output.issues.map(\.file) == ["var/lib/clamav/daily.cvd", "var/lib/clamav/main.cvd"])
        #expect(output.issues.allSatisfy { $0.level == .error })
        #expect(output.issues.first?.message.contains("truncated") == true)
    }

    @Test func freshclamLogGivesLastSuccessAndLaterError() {
        let log = """
            --------------------------------------
            freshclam daemon 1.0.7 (OS: linux-gnu, ARCH: x86_64, CPU: x86_64)
            ClamAV update process started at Fri Nov 27 03:10:01 2026
            Fri Nov 27 03:10:02 2026 -> daily.cld database is up-to-date (version: 27837, sigs: 2071000, f-level: 90, builder: raynman)
            Sat Nov 28 03:10:01 2026 -> ERROR: Can't download daily.cvd from https://database.clamav.net/daily.cvd
            """
        let summary = FreshclamLogParser.parse(log)
        #expect(summary.lastSuccess == ExportDateParserTestsSupport.date("2026-11-27T03:10:02Z"))
        #expect(summary.lastError?.contains("Can't download") == true)
        #expect(summary.lastErrorLine == 5)
    }
}

enum ExportDateParserTestsSupport {
    static func date(_ text: String) -> Date? { CapdoDate.parse(text) }
}
