import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("sysctl configuration")
struct SysctlParserTests {
    @Test func followsSystemdOrderAndMasking() {
        let files = ConfigFiles.memory([
            "usr/lib/sysctl.d/50-default.conf": "net.ipv4.ip_forward = 1\nkernel.kptr_restrict=1\n",
            "etc/sysctl.d/50-default.conf": "# masks the vendor file\nkernel.dmesg_restrict = 1\n",
            "run/sysctl.d/10-early.conf": "kernel.dmesg_restrict = 0\nnet.ipv4.tcp_syncookies = 0\n",
            "lib/sysctl.d/60-late.conf": "net.ipv4.tcp_syncookies = 1\n",
            "etc/sysctl.d/ignored.txt": "net.ipv4.tcp_syncookies = 7\n",
            "etc/sysctl.d/99-sysctl.conf": "; comment\nnet/ipv4/conf/all/rp_filter = 2\n",
        ])
        #expect(
            SysctlParser.order(files) == [
                "run/sysctl.d/10-early.conf", "etc/sysctl.d/50-default.conf", "lib/sysctl.d/60-late.conf",
                "etc/sysctl.d/99-sysctl.conf",
            ])
        let (section, issues) = SysctlParser.parse(files)
        #expect(issues.isEmpty)
        #expect(section.present)
        #expect(section.entries["net.ipv4.ip_forward"] == nil)
        #expect(section.entries["kernel.kptr_restrict"] == nil)
        #expect(
            section.entries["kernel.dmesg_restrict"]
                == ConfigEntry(value: "1", file: "etc/sysctl.d/50-default.conf", line: 2))
        #expect(
            section.entries["net.ipv4.tcp_syncookies"]
                == ConfigEntry(value: "1", file: "lib/sysctl.d/60-late.conf", line: 1))
        #expect(
            section.entries["net.ipv4.conf.all.rp_filter"]
                == ConfigEntry(value: "2", file: "etc/sysctl.d/99-sysctl.conf", line: 2))
    }

    /// systemd-sysctl reads `etc/sysctl.conf` only through the `99-sysctl.conf` link: without the link a
    /// `sysctl.d` value is in force and a bad line in the unread file is not.
    @Test func sysctlConfWithoutTheLinkIsNotRead() {
        let files = ConfigFiles.memory([
            "usr/lib/sysctl.d/50-default.conf": "net.ipv4.conf.all.rp_filter = 2\n",
            "etc/sysctl.conf": "net.ipv4.conf.all.rp_filter = 1\nnot a line\n",
        ])
        #expect(SysctlParser.order(files) == ["usr/lib/sysctl.d/50-default.conf"])
        let (section, issues) = SysctlParser.parse(files)
        #expect(issues.isEmpty, "\(issues)")
        #expect(
            section.entries["net.ipv4.conf.all.rp_filter"]
                == ConfigEntry(value: "2", file: "usr/lib/sysctl.d/50-default.conf", line: 1))
    }

    /// Oracle: `systemd-analyze cat-config sysctl.d --root=DIR` prints the files systemd-sysctl applies, in
    /// order, each under a `# /path` header; capdo's order and last-wins values must be the same.
    @Test(
        .enabled(if: SystemdAnalyze.available, "needs systemd"),
        arguments: [true, false])
    func systemdAnalyzeAgrees(withLink: Bool) throws {
        let root = try TemporaryDirectory()
        try root.write("etc/sysctl.conf", "net.ipv4.conf.all.rp_filter = 1\nkernel.a = conf\n")
        if withLink { try root.symlink("etc/sysctl.d/99-sysctl.conf", to: "../sysctl.conf") }
        try root.write("etc/sysctl.d/50-local.conf", "kernel.b = etc\n")
        try root.write("usr/lib/sysctl.d/50-local.conf", "kernel.b = masked\nkernel.c = masked\n")
        try root.write("usr/lib/sysctl.d/50-default.conf", "net.ipv4.conf.all.rp_filter = 2\nkernel.a = usr\n")
        try root.write("lib/sysctl.d/10-early.conf", "kernel.a = lib\nkernel.d = lib\n")
        try root.write("run/sysctl.d/60-run.conf", "kernel.d = run\n")
        try root.write("usr/local/lib/sysctl.d/55-local.conf", "kernel.e = local\n")
        try root.write("etc/sysctl.d/README", "kernel.f = ignored\n")
        let analyze = try #require(SystemdAnalyze.catConfig("sysctl.d", root: root.path))
        var oracle: [String: String] = [:]
        for line in analyze.lines {
            if case .success(let (key, value)) = SysctlParser.parseLine(String(line)) { oracle[key] = value }
        }
        #expect(SysctlParser.order(root.files) == analyze.files)
        #expect(SysctlParser.parse(root.files).0.entries.mapValues(\.value) == oracle)
        #expect(oracle["net.ipv4.conf.all.rp_filter"] == (withLink ? "1" : "2"))
    }

    @Test(arguments: [
        ("net/ipv4/ip_forward", "net.ipv4.ip_forward"),
        ("net.ipv4.ip_forward", "net.ipv4.ip_forward"),
        ("net/ipv4/conf/eth0.100/rp_filter", "net.ipv4.conf.eth0/100.rp_filter"),
        ("net.ipv4.conf.eth0/100.rp_filter", "net.ipv4.conf.eth0/100.rp_filter"),
    ])
    func normalisesKeys(raw: String, expected: String) {
        #expect(SysctlParser.normalizeKey(raw) == expected)
    }

    @Test func ignoreErrorPrefixAndBadLines() {
        let files = ConfigFiles.memory([
            "etc/sysctl.d/10-x.conf": "-kernel.yama.ptrace_scope = 2\nthis is not valid\n = 3\nfs.suid_dumpable=0"
        ])
        let (section, issues) = SysctlParser.parse(files)
        #expect(section.entries["kernel.yama.ptrace_scope"]?.value == "2")
        #expect(section.entries["fs.suid_dumpable"] == ConfigEntry(value: "0", file: "etc/sysctl.d/10-x.conf", line: 4))
        #expect(issues.map(\.line) == [2, 3])
        #expect(issues.allSatisfy { $0.collector == "config.sysctl" && $0.file == "etc/sysctl.d/10-x.conf" })
    }

    @Test func maskedDropInsAndGlobExclusions() async throws {
        let files = ConfigFiles.memory(
            ["usr/lib/sysctl.d/50-x.conf": "kernel.a = 1\n", "etc/sysctl.d/60-y.conf": "-net.ipv4.conf.*.x\n"],
            masked: ["etc/sysctl.d/50-x.conf"])
        let (section, issues) = SysctlParser.parse(files)
        #expect(section.entries.isEmpty && issues.isEmpty)
        let root = try TemporaryDirectory()
        try root.write("usr/lib/sysctl.d/50-x.conf", "kernel.a = 1\n")
        try root.symlink("etc/sysctl.d/50-x.conf", to: "/dev/null")
        try root.symlink("etc/sysctl.d/70-loop.conf", to: "70-loop.conf")
        let (real, realIssues) = SysctlParser.parse(root.files)
        #expect(real.entries["kernel.a"] == nil)
        #expect(realIssues.map(\.file) == ["etc/sysctl.d/70-loop.conf"], "\(realIssues)")
    }

    @Test func missingEverywhereIsNotPresent() {
        let (section, issues) = SysctlParser.parse(.memory([:]))
        #expect(!section.present)
        #expect(section.entries.isEmpty)
        #expect(issues.isEmpty)
    }

    @Test func unreadableAndHostileFilesAreIssues() {
        let long = String(repeating: "a", count: ConfigFileReader.maxLineBytes + 10)
        let files = ConfigFiles.memory(
            [
                "etc/sysctl.d/20-bad.conf":
                    "kernel.a = 1\n\u{0}\u{1}garbage\n\(long)\nkernel.b = <script>alert(1)</script>\n"
            ], errors: ["etc/sysctl.d/10-locked.conf": .unreadable, "etc/sysctl.d/99-sysctl.conf": .symlinkLoop])
        let (section, issues) = SysctlParser.parse(files)
        #expect(section.present)
        #expect(section.entries["kernel.a"]?.value == "1")
        #expect(section.entries["kernel.b"]?.value == "<script>alert(1)</script>")
        #expect(issues.contains { $0.file == "etc/sysctl.d/10-locked.conf" && $0.line == nil })
        #expect(issues.contains { $0.file == "etc/sysctl.d/20-bad.conf" && $0.line == 2 })
        #expect(issues.contains { $0.file == "etc/sysctl.d/20-bad.conf" && $0.line == 3 })
        #expect(issues.contains { $0.file == "etc/sysctl.d/99-sysctl.conf" && $0.message.contains("symbolic links") })
    }

    @Test func collectorReadsTheRoot() async throws {
        let root = try TemporaryDirectory()
        try root.write("etc/sysctl.conf", "net.ipv4.ip_forward = 0\n")
        try root.symlink("etc/sysctl.d/99-sysctl.conf", to: "../sysctl.conf")
        let environment = HostEnvironment(root: root.path, now: Date(timeIntervalSince1970: 0))
        let collector = try #require(ConfigCollectors.all.first { $0.id == "config.sysctl" })
        let output = await collector.collect(in: environment)
        #expect(output.config["sysctl"]?.entries["net.ipv4.ip_forward"]?.file == "etc/sysctl.d/99-sysctl.conf")
        let runtime = try #require(ConfigCollectors.all.first { $0.id == "config.sysctl_runtime" })
        #expect(await runtime.collect(in: environment).config.isEmpty)
    }

    @Test func realHostFilesParseCleanly() throws {
        let root = try TemporaryDirectory()
        for directory in SysctlParser.directories {
            for name in FileReader(root: "/").list(directory) {
                try root.copyFromHost("/" + directory + "/" + name)
            }
        }
        try root.copyFromHost("/etc/sysctl.conf")
        let (_, issues) = SysctlParser.parse(root.files)
        #expect(issues.isEmpty, "\(issues)")
    }

    /// Oracle: augeas' sysctl lens reads the same keys and values (after capdo's key normalisation).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/augtool"), "needs augeas-tools"))
    func augeasAgrees() throws {
        let root = try TemporaryDirectory()
        try root.write(
            "etc/sysctl.conf",
            "net.ipv4.ip_forward = 1\n-kernel.yama.ptrace_scope=2\n; c\n# d\nnet/ipv4/tcp_syncookies=1\n"
                + "kernel.x =  spaced value \nnet.ipv4.conf.all.rp_filter=1\nnet.ipv4.conf.all.rp_filter=2\n")
        try root.symlink("etc/sysctl.d/99-sysctl.conf", to: "../sysctl.conf")
        let output = try #require(
            ProcessRunner.oracle.run(
                "/usr/bin/augtool",
                [
                    "-r", root.path, "-L", "-A", "-t", "Sysctl incl /etc/sysctl.conf", "match",
                    "/files/etc/sysctl.conf/*",
                ]
            ))
        var expected: [String: String] = [:]
        for line in output.stdout.split(separator: "\n") {
            let parts = line.components(separatedBy: " = ")
            guard parts.count == 2, let path = parts.first else { continue }
            var key = String(path.dropFirst("/files/etc/sysctl.conf/".count)).replacingOccurrences(of: "\\/", with: "/")
            if key.hasPrefix("#") { continue }
            if key.hasPrefix("-") { key.removeFirst() }
            if let bracket = key.firstIndex(of: "[") { key = String(key[..<bracket]) }
            expected[SysctlParser.normalizeKey(key)] = parts[1]
        }
        #expect(expected.count == 5, "\(output.stdout)")
        let entries = SysctlParser.parse(root.files).0.entries
        #expect(entries.mapValues(\.value) == expected)
    }
}
