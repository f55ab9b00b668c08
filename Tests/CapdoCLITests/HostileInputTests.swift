import CapdoCore
import Foundation
import Testing

/// Hostile input end to end: an unreadable input is a host or finding in every report and exit 1, alias bombs stop
/// with `file:line`, no verdict passes on data that was not read, no line of a secret file reaches a report.
@Suite("Hostile input", .serialized)
struct HostileInputTests {
    /// A scratch folder removed when the test ends.
    final class Folder: @unchecked Sendable {  // immutable after init
        let path = NSTemporaryDirectory() + "capdo-hostile-" + UUID().uuidString

        init() { try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        @discardableResult
        func write(_ relative: String, _ data: Data) throws -> String {
            let url = URL(fileURLWithPath: path + "/" + relative)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
            return url.path
        }

        @discardableResult
        func write(_ relative: String, _ text: String) throws -> String { try write(relative, Data(text.utf8)) }

        /// Every report file written under `output`, by extension.
        func reports(_ output: String) -> [String: String] {
            let folder = path + "/" + output
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            var reports: [String: String] = [:]
            // The report of each format; a fleet's host index (`<stem>-hosts.<ext>`) and detail folder are not.
            for name in names where !name.contains("-hosts") {
                reports[URL(fileURLWithPath: name).pathExtension] =
                    (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)) ?? ""
            }
            return reports
        }
    }

    static let allFormats = "json,md,html,csv,sarif,junit"

    /// The detail folder (`<stem>-hosts`) a fleet's reports in `output` have, if any.
    static func detailFolder(_ output: String) -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        return names.first { $0.hasSuffix("-hosts") }
    }

    /// Every hostile input must be handled within 1 GiB of data and 10 s of CPU: beyond either, the kernel ends
    /// capdo (ENOMEM, SIGXCPU) and the test's exit-code expectation fails. CPU time, not wall time, so a busy
    /// machine does not make the test flaky.
    static let bounds = ["/usr/bin/prlimit", "--data=\(1 << 30)", "--cpu=10"]

    /// Runs capdo within `bounds`.
    func capdo(_ arguments: [String]) -> CapdoProcess.Result {
        CapdoProcess.run(arguments, timeout: 120, wrapper: Self.bounds)
    }
    static let sampleSnapshots = CapdoProcess.repository.path + "/Samples/snapshots/"

    func result(_ reports: [String: String]) throws -> ScanResult {
        try SnapshotCodec.decoder().decode(ScanResult.self, from: Data(try #require(reports["json"]).utf8))
    }

    /// Before: exit 2 and no trace of broken.json (`{"schema_version": 1e19}` trapped, exit 132).
    @Test(arguments: ["not json at all", "{\"schema_version\": 1e19}", "{\"schema_version\": 1, \"root\": 5}"])
    func unreadableSnapshotIsAHostInEveryFormatAndExitsOne(_ content: String) throws {
        let folder = Folder()
        let broken = try folder.write("broken.json", content)
        let process = capdo(
            [
                "evaluate", broken, Self.sampleSnapshots + "pc-neglected.json", "--output", folder.path + "/out",
                "--format", Self.allFormats.replacingOccurrences(of: "json", with: "json-hosts"), "--quiet",
            ])
        #expect(process.status == 1, "exit \(process.status): \(process.stderr)")
        let reports = folder.reports("out")
        #expect(reports.count == 6, "\(reports.keys.sorted())")
        for (format, text) in reports { #expect(text.contains("broken.json"), "the \(format) report lost the host") }
        // Two hosts: each has its own detail report too, the unreadable one included.
        let detailFolder = try #require(Self.detailFolder(folder.path + "/out"))
        let details = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/out/" + detailFolder)
        #expect(details.contains { $0.contains("broken.json") && $0.hasSuffix(".html") }, "\(details)")
        let report = try result(reports)
        let host = try #require(report.hosts.first { $0.host == broken })
        #expect(host.issues.contains { $0.level == .unreadable && $0.file == broken })
        #expect(!host.findings.isEmpty && host.findings.allSatisfy { $0.status == .error })
        #expect(report.hosts.contains { $0.findings.contains { $0.status == .fail } }, "the partner still fails")
    }

    /// Nine levels of nine aliases: 3–6 GB and "failed to allocate" before; now `file:line` and no crash, in every
    /// place capdo reads YAML from the user.
    @Test(arguments: ["config", "waivers", "profile", "rules"])
    func aliasBombStopsWithFileAndLine(_ place: String) throws {
        let folder = Folder()
        let bomb = try folder.write(
            "bomb.yaml", try Data(contentsOf: URL(fileURLWithPath: Self.fixtures + "billion-laughs.yaml")))
        var arguments: [String]
        let evaluate = ["evaluate", Self.sampleSnapshots + "pc-protected.json", "--output", folder.path + "/out"]
        switch place {
        case "config": arguments = ["config", "check", bomb]
        case "waivers": arguments = evaluate + ["--waivers", bomb]
        case "profile": arguments = evaluate + ["--profile", bomb]
        default:
            let rules = folder.path + "/Rules"
            try FileManager.default.copyItem(atPath: CapdoProcess.repository.path + "/Rules", toPath: rules)
            try FileManager.default.copyItem(atPath: bomb, toPath: rules + "/level2/server/zz-bomb.yaml")
            arguments = ["rules", "lint", rules]
        }
        let process = capdo(arguments)
        #expect(!process.timedOut)
        #expect([1, 2, 64].contains(process.status), "exit \(process.status): \(process.stderr)")
        let said = process.stderr + process.stdout
        #expect(said.contains("bomb.yaml:"), "\(said)")
        #expect(said.contains("aliases expand"), "\(said)")
    }

    /// Random bytes given as a certificate: every finding passed on "0 matching" and the exit code was 0.
    @Test func certificateFileThatIsNotOneIsAnErrorAndExitsOne() throws {
        let folder = Folder()
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<2_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let file = try folder.write("random.der", Data(bytes))
        let process = capdo(
            ["tls", "--file", file, "--output", folder.path + "/out", "--format", "json", "--quiet"])
        #expect(process.status == 1, "exit \(process.status): \(process.stderr)")
        let report = try result(folder.reports("out"))
        let findings = report.hosts.flatMap(\.findings)
        #expect(!findings.isEmpty)
        #expect(!findings.contains { $0.status == .pass }, "\(findings.filter { $0.status == .pass }.map(\.ruleID))")
        #expect(report.hosts.flatMap(\.issues).contains { $0.level == .unreadable && $0.file == file })
    }

    /// `Deadline` converted 1e19 s to nanoseconds with `UInt64(_:)`: a trap before the first handshake.
    @Test(arguments: ["1e19", "nan", "-1", "601"])
    func absurdTimeoutIsAUsageError(_ timeout: String) {
        let process = capdo(["tls", "127.0.0.1:9", "--timeout", timeout, "--quiet"])
        #expect(process.status == 64, "exit \(process.status): \(process.stderr)")
        #expect(process.stderr.contains("--timeout"), "\(process.stderr)")
    }

    /// A pcapng whose third block claims 0x7FFFFFFC bytes: "ĐẠT" with 0 packets and exit 0 before.
    @Test func pcapngUnreadablePastItsHeaderIsAnErrorNamingTheOffset() throws {
        let folder = Folder()
        let file = try folder.write(
            "broken.pcapng", try Data(contentsOf: URL(fileURLWithPath: Self.fixtures + "broken-third-block.pcapng")))
        let process = capdo(
            ["lan", "--pcap", file, "--output", folder.path + "/out", "--format", "json,md", "--quiet"])
        #expect(process.status == 1, "exit \(process.status): \(process.stderr)")
        let reports = folder.reports("out")
        let report = try result(reports)
        let issue = try #require(report.hosts.flatMap(\.issues).first { $0.level == .unreadable })
        #expect(issue.file == file && issue.message.contains("byte 48"), "\(issue)")
        let lan = report.hosts.flatMap(\.findings).filter { $0.ruleID.hasPrefix("net.lan.") }
        #expect(!lan.isEmpty)
        #expect(!lan.contains { $0.status == .pass }, "\(lan.filter { $0.status == .pass }.map(\.ruleID))")
        #expect(reports["md"]?.contains("byte 48") == true)
    }

    /// Config files that are symbolic links to the root's own etc/shadow: before, each shadow line was quoted in
    /// the issues (`cannot read 'root:$y$…' as a sudoers rule`) in JSON, Markdown and HTML.
    @Test func secretFileBehindAConfigPathIsNeverQuoted() throws {
        let folder = Folder()
        let hash = "$y$j9T$HostileSaltValue$QuiteSecretHashMaterialThatMustNotLeak0123456"
        try folder.write("root/etc/os-release", "ID=debian\nVERSION_ID=\"12\"\nPRETTY_NAME=\"Debian GNU/Linux 12\"\n")
        try folder.write("root/etc/hostname", "victim\n")
        try folder.write(
            "root/etc/passwd", "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/bash\n")
        try folder.write(
            "root/etc/shadow", "root:\(hash):19000:0:99999:7:::\nalice:\(hash)alice:19000:0:99999:7:::\n")
        for path in Self.configPaths {
            let link = folder.path + "/root/" + path
            try FileManager.default.createDirectory(
                atPath: URL(fileURLWithPath: link).deletingLastPathComponent().path, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/etc/shadow")
        }
        let process = capdo(
            [
                "scan", "--root", folder.path + "/root", "--output", folder.path + "/out", "--format", Self.allFormats,
                "--quiet",
            ])
        #expect([0, 1, 2].contains(process.status), "exit \(process.status): \(process.stderr)")
        let reports = folder.reports("out")
        #expect(reports.count == 6)
        for (format, text) in reports {
            #expect(!text.contains("HostileSaltValue"), "the \(format) report quotes a password hash")
            #expect(!text.contains("$y$j9T"), "the \(format) report quotes a password hash")
        }
        #expect(!process.stderr.contains("HostileSaltValue") && !process.stdout.contains("HostileSaltValue"))
        let issues = try result(reports).hosts.flatMap(\.issues)
        #expect(issues.contains { $0.file == "etc/sudoers" && $0.line == 1 }, "\(issues.map(\.description))")
    }

    /// Configuration files capdo parses, each made a link to etc/shadow.
    static let configPaths = [
        "etc/sudoers", "etc/ssh/sshd_config", "etc/login.defs", "etc/logrotate.conf", "etc/rsyslog.conf",
        "etc/audit/auditd.conf", "etc/audit/rules.d/audit.rules", "etc/pam.d/common-auth", "etc/pam.d/common-password",
        "etc/systemd/journald.conf", "etc/sysctl.conf", "etc/sysctl.d/99-sysctl.conf", "etc/nginx/nginx.conf",
        "etc/apache2/apache2.conf", "etc/chrony/chrony.conf", "etc/security/pwquality.conf", "etc/profile",
        "var/lib/clamav/main.cvd", "etc/fstab", "etc/crypttab", "etc/security/faillock.conf",
    ]

    /// Tests/Fixtures/hostile (its README says what each file is).
    static let fixtures = CapdoProcess.repository.path + "/Tests/Fixtures/hostile/"
}
