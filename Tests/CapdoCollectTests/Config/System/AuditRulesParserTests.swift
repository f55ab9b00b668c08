import CapdoCollect
import CapdoCore
import Foundation
import Testing

@Suite("auditd and audit rules")
struct AuditRulesParserTests {
    @Test func auditdConf() {
        let files = SystemConfigFiles.memory([
            "etc/audit/auditd.conf": "#\nlog_file = /var/log/audit/audit.log\nMAX_LOG_FILE = 8\nnum_logs=5\nbad line\n"
        ])
        let (section, issues) = AuditdParser.parse(files)
        #expect(section.entries["max_log_file"] == ConfigEntry(value: "8", file: "etc/audit/auditd.conf", line: 3))
        #expect(section.entries["num_logs"]?.value == "5")
        #expect(issues.map(\.line) == [5])
    }

    @Test func rulesDropInsInOrder() {
        let files = SystemConfigFiles.memory([
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
        let files = SystemConfigFiles.memory(["etc/audit/audit.rules": "-w /etc/sudoers -p wa -k scope\n-w\n"])
        let (section, issues) = AuditRulesParser.parse(files)
        #expect(section.files == ["etc/audit/audit.rules"])
        #expect(section.entries["key:scope"]?.value == "1")
        #expect(issues.map(\.line) == [2])
    }

    @Test func missing() {
        #expect(!AuditRulesParser.parse(.memory([:])).0.present)
        #expect(!AuditdParser.parse(.memory([:])).0.present)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/etc/audit/auditd.conf"), "needs package auditd"))
    func realDebianFiles() throws {
        let root = try SystemTestRoot()
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
