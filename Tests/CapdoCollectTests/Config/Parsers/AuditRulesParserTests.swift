import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("auditd and audit rules")
struct AuditRulesParserTests {
    @Test func auditdConf() {
        let files = ConfigFiles.memory([
            "etc/audit/auditd.conf": "#\nlog_file = /var/log/audit/audit.log\nMAX_LOG_FILE = 8\nnum_logs=5\nbad line\n"
        ])
        let (section, issues) = AuditdParser.parse(files)
        #expect(section.entries["max_log_file"] == ConfigEntry(value: "8", file: "etc/audit/auditd.conf", line: 3))
        #expect(section.entries["num_logs"]?.value == "5")
        #expect(issues.map(\.line) == [5])
    }

    @Test func rulesDropInsInOrder() {
        let files = ConfigFiles.memory([
            "etc/audit/rules.d/10-base.rules": "-D\n-b 8192\n--backlog_wait_time 60000\n-f 1\n",
            "etc/audit/rules.d/50-identity.rules": """
            -w /etc/passwd -p wa -k identity
            -w /etc/shadow -k identity
            -a always,exit -F arch=b64 -S adjtimex,settimeofday -k time-change
            -a always,exit -F arch=b32 -S adjtimex -S stime -F key=time-change
            -a exit,always -S mount

            """,
            "etc/audit/rules.d/99-finalize.rules": "-e 2\n",
            "etc/audit/rules.d/old.rules.bak": "-w /tmp -k ignored\n",
            "etc/audit/audit.rules": "-w /ignored -k ignored\n",
        ])
        let (section, issues) = AuditRulesParser.parse(files)
        #expect(issues.isEmpty)
        let e = section.entries
        #expect(
            e["watch:/etc/passwd"] == ConfigEntry(value: "wa", file: "etc/audit/rules.d/50-identity.rules", line: 1))
        #expect(e["watch:/etc/shadow"]?.value == "rwxa")
        #expect(e["syscall:adjtimex"]?.value == "b32 b64")
        #expect(e["syscall:stime"]?.value == "b32")
        #expect(e["syscall:mount"]?.value == "any")
        #expect(e["key:identity"]?.value == "2")
        #expect(e["key:time-change"]?.value == "2")
        #expect(e["key:ignored"] == nil)
        #expect(e["rules"]?.value == "5")
    }

    @Test func fallsBackToAuditRules() {
        let files = ConfigFiles.memory(["etc/audit/audit.rules": "-w /etc/sudoers -p wa -k scope\n-w\n"])
        let (section, issues) = AuditRulesParser.parse(files)
        #expect(section.files == ["etc/audit/audit.rules"])
        #expect(section.entries["key:scope"]?.value == "1")
        #expect(issues.map(\.line) == [2])
    }

    static let debianUnit = """
        [Unit]
        Description=Security Auditing Service

        [Service]
        Type=forking
        PIDFile=/run/auditd.pid
        ExecStart=/sbin/auditd
        ExecStartPost=-/sbin/augenrules --load
        Restart=on-failure

        """
    static let auditctlDropIn = "[Service]\nExecStartPost=\nExecStartPost=-/sbin/auditctl -R /etc/audit/audit.rules\n"

    /// A unit that loads `audit.rules` with `auditctl -R` loads that file, not `rules.d`.
    @Test func unitLoadingAuditRulesWithAuditctl() {
        let files = ConfigFiles.memory([
            "lib/systemd/system/auditd.service": Self.debianUnit,
            "etc/systemd/system/auditd.service.d/override.conf": Self.auditctlDropIn,
            "etc/audit/rules.d/50-identity.rules": "-w /etc/shadow -p wa -k identity\n",
            "etc/audit/audit.rules": "-D\n-w /etc/passwd -p w -k identity\n",
        ])
        let (section, issues) = AuditRulesParser.parse(files)
        #expect(issues.isEmpty, "\(issues)")
        #expect(section.files.contains("etc/audit/audit.rules") && !section.files.contains { $0.contains("rules.d") })
        #expect(section.entries["watch:/etc/shadow"] == nil)
        #expect(section.entries["watch:/etc/passwd"] == ConfigEntry(value: "w", file: "etc/audit/audit.rules", line: 2))
        #expect(
            section.entries["loader"]
                == ConfigEntry(value: "auditctl", file: "etc/systemd/system/auditd.service.d/override.conf", line: 3))
        #expect(section.entries["rules"]?.value == "1")
    }

    /// Debian's unit (`augenrules --load`) reads `rules.d` in `ls -v` order; a drop-in that adds a command
    /// without resetting the list keeps augenrules, which rewrites `audit.rules` before anything loads it.
    @Test func debianUnitUsesRulesD() {
        let files = ConfigFiles.memory([
            "usr/lib/systemd/system/auditd.service": Self.debianUnit,
            "etc/systemd/system/auditd.service.d/10-more.conf": "[Service]\nExecStartPost=-/bin/true\n",
            "etc/audit/rules.d/10-b.rules": "-w /etc/group -p wa\n-w /etc/group -p r\n",
            "etc/audit/rules.d/9-a.rules": "-w /etc/group -p x\n",
            "etc/audit/audit.rules": "-w /etc/passwd -p wa\n",
        ])
        let (section, issues) = AuditRulesParser.parse(files)
        #expect(issues.isEmpty, "\(issues)")
        #expect(section.entries["loader"]?.value == "augenrules")
        #expect(section.entries["watch:/etc/passwd"] == nil)
        #expect(
            section.entries["watch:/etc/group"]
                == ConfigEntry(value: "r", file: "etc/audit/rules.d/10-b.rules", line: 2))
    }

    @Test func unitWithoutRuleLoaderLoadsNothing() {
        let files = ConfigFiles.memory([
            "etc/systemd/system/auditd.service": "[Service]\nExecStart=/sbin/auditd\n",
            "etc/audit/rules.d/50-identity.rules": "-w /etc/shadow -p wa -k identity\n",
        ])
        let (section, _) = AuditRulesParser.parse(files)
        #expect(section.entries["watch:/etc/shadow"] == nil)
        #expect(section.entries["rules"] == ConfigEntry(value: "0", file: "etc/systemd/system/auditd.service"))
    }

    /// `-w /etc/sudoers.d/` is the same watch as `-w /etc/sudoers.d`; permissions come in `rwxa` order.
    @Test func trailingSlashAndPermissionOrder() {
        let files = ConfigFiles.memory([
            "etc/audit/rules.d/50-scope.rules": "-w /etc/sudoers.d/ -p aw -k scope\n-w / -p rxwa\n"
        ])
        let entries = AuditRulesParser.parse(files).0.entries
        #expect(entries["watch:/etc/sudoers.d"]?.value == "wa")
        #expect(entries["watch:/"]?.value == "rwxa")
    }

    @Test(arguments: [
        (["10-x", "9-y", "99-z", "1-a", "a", "B"], ["1-a", "9-y", "10-x", "99-z", "B", "a"]),
        (["audit.rules", "99-finalize.rules", "capdo.rules"], ["99-finalize.rules", "audit.rules", "capdo.rules"]),
    ])
    func lsVersionOrder(names: [String], sorted: [String]) {
        #expect(names.sorted(by: AuditRulesParser.versionOrder) == sorted)
    }

    /// Oracles from Debian's auditd package: its real `auditd.service` (read through `systemd-analyze
    /// cat-config`, which lists the unit and drop-ins as systemd merges them) and its `augenrules`, run on the
    /// root (paths rewritten, no `--load`) to compile `rules.d` into `audit.rules`; capdo's reading of `rules.d`
    /// must equal its reading of the compiled file.
    @Test(
        .enabled(
            if: FileManager.default.fileExists(atPath: "/lib/systemd/system/auditd.service")
                && SystemdAnalyze.available,
            "needs packages auditd and systemd"),
        arguments: [false, true])
    func debianUnitAndAugenrulesAgree(withAuditctlDropIn: Bool) throws {
        let root = try TemporaryDirectory()
        try root.write(
            "usr/lib/systemd/system/auditd.service",
            String(contentsOfFile: "/lib/systemd/system/auditd.service", encoding: .utf8))
        if withAuditctlDropIn {
            try root.write("etc/systemd/system/auditd.service.d/override.conf", Self.auditctlDropIn)
        }
        try root.write("etc/audit/rules.d/10-base.rules", "-D\n-b 8192\n-w /etc/passwd -p w -k identity\n")
        try root.write(
            "etc/audit/rules.d/9-early.rules",
            "-w /etc/passwd -p r\n-w /etc/sudoers.d/ -p wa -k scope\n"
                + "-a always,exit -F arch=b64 -S adjtimex,settimeofday -k time-change\n")
        try root.write("etc/audit/rules.d/99-finalize.rules", "-e 2\n")
        try root.write("etc/audit/rules.d/notes.txt", "-w /tmp -k ignored\n")
        try root.write("etc/audit/audit.rules", "-w /etc/shadow -p wa -k identity\n")

        let analyze = try #require(SystemdAnalyze.catConfig("systemd/system/auditd.service", root: root.path))
        #expect(AuditRulesLoader.unit.order(root.files) == analyze.files)
        let post = analyze.lines.filter { $0.hasPrefix("ExecStartPost=") }
        let (section, issues) = AuditRulesParser.parse(root.files)
        #expect(issues.isEmpty, "\(issues)")
        if withAuditctlDropIn {
            #expect(post.last == "ExecStartPost=-/sbin/auditctl -R /etc/audit/audit.rules")
            #expect(section.entries["loader"]?.value == "auditctl")
            #expect(section.entries["watch:/etc/shadow"]?.value == "wa")
            #expect(section.entries["watch:/etc/passwd"] == nil)
            return
        }
        #expect(post == ["ExecStartPost=-/sbin/augenrules --load"])
        #expect(section.entries["loader"]?.value == "augenrules")
        let script = try String(contentsOfFile: "/usr/sbin/augenrules", encoding: .utf8)
            .replacingOccurrences(of: "=/etc/audit/", with: "=" + root.path + "/etc/audit/")
        try root.write("augenrules", script)
        let compiled = try #require(ProcessRunner.oracle.run("/bin/sh", [root.path + "/augenrules"]))
        #expect(compiled.status == 0, "\(compiled.stdout)")
        let rulesD = section.entries.filter { $0.key.contains(":") || $0.key == "rules" }.mapValues(\.value)
        try root.write("etc/systemd/system/auditd.service.d/override.conf", Self.auditctlDropIn)
        let fromFile = AuditRulesParser.parse(root.files).0.entries
        #expect(fromFile.filter { $0.key.contains(":") || $0.key == "rules" }.mapValues(\.value) == rulesD)
        #expect(rulesD["watch:/etc/passwd"] == "w")
        #expect(rulesD["watch:/etc/sudoers.d"] == "wa")
        #expect(rulesD["watch:/etc/shadow"] == nil)
    }

    @Test func missing() {
        #expect(!AuditRulesParser.parse(.memory([:])).0.present)
        #expect(!AuditdParser.parse(.memory([:])).0.present)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/etc/audit/auditd.conf"), "needs package auditd"))
    func realDebianFiles() throws {
        let root = try TemporaryDirectory()
        try root.copyFromHost("/etc/audit/auditd.conf")
        for name in FileReader(root: "/").list("etc/audit/rules.d") {
            try root.copyFromHost("/etc/audit/rules.d/" + name)
        }
        let (conf, confIssues) = AuditdParser.parse(root.files)
        #expect(confIssues.isEmpty)
        #expect(conf.entries["max_log_file_action"]?.value.lowercased() == "rotate")
        let (rules, ruleIssues) = AuditRulesParser.parse(root.files)
        #expect(ruleIssues.isEmpty, "\(ruleIssues)")
        #expect(rules.entries["rules"]?.value == "0")
    }
}
