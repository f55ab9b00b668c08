import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("LogsCollector and LogTimestampParser")
struct LogsCollectorTests {
    static func date(_ text: String) -> Date? { CapdoDate.parse(text) }

    @Test func syslogYearComesFromTheMtime() {
        let december = Self.date("2026-01-03T00:00:00Z")
        #expect(
            LogTimestampParser.parse("Nov 29 15:10:40 srv sshd[1]: x", modified: december)
                == Self.date("2025-11-29T15:10:40Z"))
        #expect(
            LogTimestampParser.parse("Jan  2 01:02:03 srv x", modified: december) == Self.date("2026-01-02T01:02:03Z"))
        #expect(
            LogTimestampParser.parse("2026-10-01T08:00:00.123456+07:00 srv sshd[1]: x", modified: nil)
                == Self.date("2026-10-01T01:00:00.123456Z"))
        #expect(LogTimestampParser.parse("garbage line", modified: december) == nil)
        #expect(LogTimestampParser.parse("Nov 99 15:10:40 x", modified: december) == nil)
    }

    @Test func oldestAuthEntryAndJournal() async throws {
        let root = try TemporaryDirectory()
        let now = try #require(Self.date("2026-11-29T15:00:00Z"))
        try root.write("var/log/auth.log", "Nov 28 00:00:01 srv sshd[1]: a\n", modified: now)
        try root.write(
            "var/log/auth.log.1", "2026-11-01T00:00:00+00:00 srv sshd[1]: b\n",
            modified: Self.date("2026-11-27T00:00:00Z"))
        try root.write(
            "var/log/auth.log.2.gz", data: Data([0x1F, 0x8B, 0x08]), modified: Self.date("2026-10-25T00:00:00Z"))
        try root.write(
            "var/log/auth.log.3.gz", data: Data([0x1F, 0x8B, 0x08]), modified: Self.date("2026-10-18T00:00:00Z"))
        try root.write("var/log/journal/abc/system.journal", "x", modified: Self.date("2026-11-29T00:00:00Z"))
        try root.write(
            "var/log/journal/abc/system@0001-0002.journal~", "x", modified: Self.date("2026-09-01T00:00:00Z"))
        let output = await LogsCollector().collect(in: root.environment(now: now))
        let auth = try #require(output.logs?.auth)
        #expect(
            auth.files == ["var/log/auth.log", "var/log/auth.log.1", "var/log/auth.log.2.gz", "var/log/auth.log.3.gz"])
        #expect(auth.oldestFile == "var/log/auth.log.3.gz")
        #expect(auth.method == "mtime")
        #expect(auth.oldestEntry == Self.date("2026-10-18T00:00:00Z"))
        let journal = try #require(output.logs?.journal)
        #expect(journal.files.count == 2)
        #expect(journal.oldestEntry == Self.date("2026-09-01T00:00:00Z"))
        #expect(journal.method == "mtime")
    }

    @Test func uncompressedOldestUsesItsFirstLine() async throws {
        let root = try TemporaryDirectory()
        try root.write(
            "var/log/secure", "Nov 28 00:00:01 srv sshd[1]: a\n", modified: Self.date("2026-11-29T00:00:00Z"))
        try root.write(
            "var/log/secure-20261101", "Oct  2 03:04:05 srv sshd[1]: b\n", modified: Self.date("2026-11-01T00:00:00Z"))
        let output = await LogsCollector().collect(in: root.environment())
        #expect(output.logs?.auth?.files == ["var/log/secure", "var/log/secure-20261101"])
        #expect(output.logs?.auth?.oldestEntry == Self.date("2026-10-02T03:04:05Z"))
        #expect(output.logs?.auth?.method == "timestamp")
        #expect(output.logs?.auth?.oldestFile == "var/log/secure-20261101")
    }

    @Test func noLogsMeansEmptyButPresent() async throws {
        let root = try TemporaryDirectory()
        let output = await LogsCollector().collect(in: root.environment())
        #expect(output.logs?.auth == LogRetention(files: []))
        #expect(output.logs?.journal == LogRetention(files: []))
    }
}
