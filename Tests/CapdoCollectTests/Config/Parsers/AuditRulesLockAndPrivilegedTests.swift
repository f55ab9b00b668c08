import CapdoCollect
import CapdoCore
import Testing

@Suite("audit rules: -e lock and privileged execve")
struct AuditRulesLockAndPrivilegedTests {
    @Test func lastEnableFlagAndPrivilegedExecve() {
        let files = ConfigFiles.memory([
            "etc/audit/rules.d/10-base.rules": "-D\n-b 8192\n-e 1\n",
            "etc/audit/rules.d/50-privileged.rules": """
            -a always,exit -F arch=b64 -C euid!=uid -F auid!=unset -S execve -k user_emulation
            -a always,exit -F arch=b32 -S execve -C uid!=euid -F euid=0 -k execpriv
            -a always,exit -F arch=b64 -S execve -F auid>=1000 -k exec
            -a always,exit -F arch=b64 -S openat -F euid=0 -k rootopen

            """,
            "etc/audit/rules.d/99-finalize.rules": "-e 2\n",
        ])
        let (section, issues) = AuditRulesParser.parse(files)
        #expect(issues.isEmpty, "\(issues)")
        #expect(
            section.entries["enabled"] == ConfigEntry(value: "2", file: "etc/audit/rules.d/99-finalize.rules", line: 1))
        #expect(
            section.entries["execve_privileged"]
                == ConfigEntry(value: "2", file: "etc/audit/rules.d/50-privileged.rules", line: 1))
        #expect(section.entries["rules"]?.value == "4")
    }

    @Test func noLockNoPrivilegedRules() {
        let (section, issues) = AuditRulesParser.parse(
            .memory(["etc/audit/rules.d/a.rules": "-w /etc/passwd -p wa -k identity\n-e\n"]))
        #expect(section.entries["enabled"] == nil)
        #expect(section.entries["execve_privileged"]?.value == "0")
        #expect(issues.map(\.line) == [2])
    }
}
