import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

/// Hostile and broken input: each gives a clear message, the scan carries on, nothing hangs or crashes.
@Suite("Bad input", .serialized)
struct BadInputTests {
    final class Root: @unchecked Sendable {  // immutable after init
        let path = NSTemporaryDirectory() + "capdo-bad-" + UUID().uuidString
        deinit { try? FileManager.default.removeItem(atPath: path) }

        func write(_ relative: String, _ text: String) throws {
            let url = URL(fileURLWithPath: path + "/" + relative)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    func scanJSON(_ root: String, _ extra: [String] = []) throws -> (CapdoProcess.Result, ScanResult?) {
        let output = NSTemporaryDirectory() + "capdo-out-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = CapdoProcess.run(
            ["scan", "--root", root, "--output", output, "--format", "json,html,md"] + extra, timeout: 120)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        let json = files.first { $0.hasSuffix(".json") }.flatMap {
            FileManager.default.contents(atPath: output + "/" + $0)
        }
        if let html = files.first(where: { $0.hasSuffix(".html") }),
            let text = try? String(contentsOfFile: output + "/" + html, encoding: .utf8)
        {
            #expect(!text.contains("<script>alert"), "unescaped host text in HTML")
            #expect(!text.contains("<img src=x"), "unescaped host text in HTML")
        }
        return (result, try json.map { try SnapshotCodec.decoder().decode(ScanResult.self, from: $0) })
    }

    @Test func brokenHostFilesGiveMessagesAndTheScanCarriesOn() throws {
        let root = Root()
        try root.write("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\nPRETTY_NAME=\"Debian GNU/Linux 12\"\n")
        try root.write("etc/hostname", "<script>alert(1)</script>\n")
        // A truncated dpkg status: the second stanza is cut in the middle of a field.
        try root.write(
            "var/lib/dpkg/status",
            "Package: openssh-server\nStatus: install ok installed\nVersion: 1:9.2p1-2\nArchitecture: amd64\n\nPackage: telnetd\nStatus: inst"
        )
        try root.write(
            "etc/ssh/sshd_config", "PermitRootLogin yes\nBanner /etc/\"><img src=x onerror=alert(1)>\nMaxAuthTries 3\n")
        // A symlink loop where login.defs should be.
        try FileManager.default.createSymbolicLink(
            atPath: root.path + "/etc/login.defs", withDestinationPath: "login.defs.b")
        try FileManager.default.createSymbolicLink(
            atPath: root.path + "/etc/login.defs.b", withDestinationPath: "login.defs")
        // A 2 GB (sparse) auth log.
        try root.write("var/log/auth.log", "2026-11-01T08:00:00.000000+07:00 host sshd[1]: start\n")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: root.path + "/var/log/auth.log"))
        try handle.truncate(atOffset: 2_100_000_000)
        try handle.close()
        // A FIFO where a config file is expected must not block the scan.
        try FileManager.default.createDirectory(atPath: root.path + "/etc/security", withIntermediateDirectories: true)
        mkfifo(root.path + "/etc/security/pwquality.conf", 0o644)

        let (process, result) = try scanJSON(root.path)
        #expect(
            !process.timedOut,
            "the scan finished within CapdoProcess's limit: the FIFO and the sparse log did not block it")
        #expect(process.status == 0 || process.status == 2, "status \(process.status): \(process.stderr)")
        #expect(
            process.stderr.contains("var/lib/dpkg/status"),
            "no message about the truncated status file: \(process.stderr)")
        let report = try #require(result)
        let host = try #require(report.hosts.first)
        let issues = host.issues.map(\.description).joined(separator: "\n")
        #expect(issues.contains("login.defs") && issues.lowercased().contains("symbolic link"), "\(issues)")
        #expect(host.packageCount == 1, "the complete stanza is still read")
        #expect(host.findings.contains { $0.ruleID == "srv.auth.ssh_root_login_disabled" && $0.status == .fail })
    }

    @Test func unparsableSshdConfigMakesDefaultsUnknownNotPass() throws {
        let root = Root()
        try root.write("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n")
        try root.write(
            "var/lib/dpkg/status", "Package: openssh-server\nStatus: install ok installed\nVersion: 1:9.2p1-2\n\n")
        try root.write("etc/ssh/sshd_config", "PermitRootLogin \"no\nPermitEmptyPasswords no\n")
        let (_, result) = try scanJSON(root.path)
        let finding = try #require(result?.allFindings.first { $0.ruleID == "srv.auth.ssh_root_login_disabled" })
        #expect(finding.status == .error)
        #expect(finding.reason?.en.contains("etc/ssh/sshd_config:1") == true, "\(String(describing: finding.reason))")
        let explicit = try #require(result?.allFindings.first { $0.ruleID == "srv.auth.ssh_no_empty_passwords" })
        #expect(explicit.status == .pass, "a value the file sets explicitly is still judged")
    }

    /// sshd refuses a file with an invalid later value of a keyword; the first value is not in force.
    @Test func invalidLaterSshdValueIsAnErrorNotAPassOnTheFirst() throws {
        let root = Root()
        try root.write("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n")
        try root.write(
            "var/lib/dpkg/status", "Package: openssh-server\nStatus: install ok installed\nVersion: 1:9.2p1-2\n\n")
        try root.write("etc/ssh/sshd_config", "PermitRootLogin no\nPermitRootLogin wrong_value\n")
        let (_, result) = try scanJSON(root.path)
        let finding = try #require(result?.allFindings.first { $0.ruleID == "srv.auth.ssh_root_login_disabled" })
        #expect(finding.status == .error)
        #expect(finding.reason?.en.contains("etc/ssh/sshd_config:2") == true, "\(String(describing: finding.reason))")
    }

    @Test func ruleFileWithATypoIsReportedAndTheOtherRulesStillRun() throws {
        let rules = NSTemporaryDirectory() + "capdo-rules-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: rules) }
        try Shell.run("/bin/cp", ["-a", CapdoProcess.repository.appendingPathComponent("Rules").path, rules])
        let broken = """
            - id: srv.test.broken
              title: { vi: "x", en: "x" }
              requirement: { tt12: "II.2 1.2.1", tcvn11930: "6.2.2.1" }
              severty: high
            """
        try Data(broken.utf8).write(to: URL(fileURLWithPath: rules + "/level2/server/zz-broken.yaml"))
        let sample = try SampleRoot("ws-neglected")
        let (process, result) = try scanJSON(sample.path, ["--rules", rules])
        #expect(process.stderr.contains("zz-broken.yaml:4"), "\(process.stderr)")
        #expect(process.stderr.contains("did you mean 'severity'"))
        #expect(process.status == 2)
        #expect((result?.allFindings.count ?? 0) > 40)
        let lint = CapdoProcess.run(["rules", "lint", rules])
        #expect(lint.status == 1)
        #expect(lint.stdout.contains("zz-broken.yaml:4"))
    }

    @Test func unreadableOrForeignSnapshotsAreNamed() throws {
        let directory = NSTemporaryDirectory() + "capdo-snaps-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: directory + "/garbage.json"))
        try Data(#"{"schema_version": 99}"#.utf8).write(to: URL(fileURLWithPath: directory + "/future.json"))
        let result = CapdoProcess.run(["evaluate", directory, "--output", directory + "/out"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("garbage.json"))
        #expect(result.stderr.contains("future.json") && result.stderr.contains("newer"))
    }

    @Test func usageErrorsExitSixtyFour() {
        #expect(CapdoProcess.run(["scan", "--lang", "fr"]).status == 64)
        #expect(CapdoProcess.run(["scan", "--format", "pdf"]).status == 64)
        #expect(CapdoProcess.run(["scan", "--root", "/nonexistent-capdo-root"]).status == 64)
        #expect(CapdoProcess.run(["scan", "--bogus"]).status == 64)
    }

    @Test func rulesTestCommandRunsEveryExample() {
        let result = CapdoProcess.run(["rules", "test"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains(" passed, 0 failed"))
    }
}
