import Foundation
import Testing

@testable import CapdoCore

@Suite("Facts tree")
struct FactValueEncoderTests {
    static func richSnapshot() -> HostSnapshot {
        var snapshot = HostSnapshot(collectedAt: Date(timeIntervalSince1970: 1_795_000_000), root: "/r", live: false)
        snapshot.system = SystemFacts(osID: "debian", osIDLike: [], osFamily: "debian", versionID: "12", hostname: "h")
        snapshot.packages = PackageFacts(
            manager: "dpkg", sources: ["var/lib/dpkg/status"],
            packages: [InstalledPackage(name: "a", version: "1:2.0-1", architecture: "amd64", file: "s", line: 3)])
        snapshot.config["sshd"] = ConfigSection(
            files: ["etc/ssh/sshd_config"],
            entries: [
                "permitrootlogin": ConfigEntry(value: "no", file: "etc/ssh/sshd_config", line: 4),
                "maxauthtries": .defaultValue("6"),
            ],
            blocks: [ConfigBlock(criteria: "User x", line: 9, entries: [:])])
        snapshot.accounts = AccountFacts(
            sources: ["etc/passwd"], shadowReadable: true, uid0: ["root"],
            accounts: [
                AccountSummary(
                    name: "root", uid: 0, gid: 0, interactive: true, system: true, password: "locked",
                    lastChange: Date(timeIntervalSince1970: 1_700_000_000), maxDays: 99999)
            ])
        snapshot.files["/etc/shadow"] = FileFact(exists: true, kind: "file", mode: "0640", uid: 0, gid: 42, size: 10)
        snapshot.issues = [CollectionIssue(collector: "x", level: .warning, file: "f", line: 1, message: "m")]
        snapshot.collectors = [CollectorRun(id: "x", milliseconds: 1.5, issues: 1)]
        return snapshot
    }

    @Test func directEncodingEqualsTheJSONRoundTrip() throws {
        let snapshot = Self.richSnapshot()
        let direct = try FactValue.from(snapshot)
        let data = try SnapshotCodec.encoder(pretty: false).encode(snapshot)
        let viaJSON = try SnapshotCodec.decoder().decode(FactValue.self, from: data)
        #expect(direct == viaJSON)
        #expect(direct.value(atPath: "config.sshd.entries.permitrootlogin.line") == .number(4))
        #expect(
            direct.value(atPath: "accounts.accounts")?.arrayValue?.first?["last_change"]
                == .string("2023-11-14T22:13:20Z"))
        #expect(direct["updates"] == nil, "absent optionals stay absent")
    }

    @Test func snapshotRoundTripsThroughJSON() throws {
        let snapshot = Self.richSnapshot()
        let data = try SnapshotCodec.encoder().encode(snapshot)
        let decoded = try SnapshotCodec.decoder().decode(HostSnapshot.self, from: data)
        #expect(decoded == snapshot)
    }

    @Test func globMatching() {
        #expect(Glob.matches("srv.*", "srv.auth.x"))
        #expect(!Glob.matches("srv.*", "net.lan.x"))
        #expect(Glob.matches("*.ssh_*", "srv.auth.ssh_root"))
        #expect(Glob.matches("a?c", "abc"))
    }

    @Test func datesParseInEveryAcceptedForm() {
        #expect(CapdoDate.parse("2026-11-29") != nil)
        #expect(CapdoDate.parse("2026-11-29T15:10:40Z") != nil)
        #expect(CapdoDate.parse("2026-11-29T15:10:40.123456+07:00") != nil)
        #expect(CapdoDate.parse("soon") == nil)
        #expect(CapdoDate.iso8601(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
    }
}
