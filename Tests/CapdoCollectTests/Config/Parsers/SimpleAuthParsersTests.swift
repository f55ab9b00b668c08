import CapdoCollect
import CapdoCore
import Testing

@Suite("login.defs, useradd, pwquality, faillock")
struct SimpleAuthParsersTests {
    @Test("login.defs: upper-case keys, last wins, junk reported with its line")
    func loginDefs() {
        let text =
            "# comment\nPASS_MAX_DAYS\t99999\nPASS_MIN_DAYS 0\nPASS_MAX_DAYS 90\nENCRYPT_METHOD SHA512\n"
            + "\u{01}\u{02}garbage\nUMASK\t\t027 # group\n"
        let (section, issues) = LoginDefsParser.parse(.memory(["etc/login.defs": text]))
        #expect(section.entries["PASS_MAX_DAYS"] == ConfigEntry(value: "90", file: "etc/login.defs", line: 4))
        #expect(section.entries["ENCRYPT_METHOD"]?.value == "SHA512")
        #expect(section.entries["UMASK"]?.value == "027 # group")
        #expect(issues.map(\.line) == [6])
    }

    @Test("useradd: shell-style assignments")
    func useradd() {
        let text = "# useradd defaults\nSHELL=/bin/sh\nINACTIVE=30\nEXPIRE=\n#INACTIVE=-1\nSHELL=\"/bin/bash\"\n"
        let (section, issues) = UseraddDefaultsParser.parse(.memory(["etc/default/useradd": text]))
        #expect(issues.isEmpty)
        #expect(section.entries["INACTIVE"]?.value == "30")
        #expect(section.entries["EXPIRE"]?.value == "")
        #expect(section.entries["SHELL"]?.value == "/bin/bash")
    }

    @Test("pwquality: drop-ins first, main file last and overriding; flags read yes")
    func pwquality() {
        let (section, issues) = PwqualityParser.parse(
            .memory([
                "etc/security/pwquality.conf": "# minlen = 8\nminlen = 14\nenforce_for_root\n",
                "etc/security/pwquality.conf.d/10-a.conf": "minlen=10\nminclass = 3\nDcredit = -1\n",
                "etc/security/pwquality.conf.d/README": "not a conf file\n",
            ]))
        #expect(issues.isEmpty)
        #expect(section.files.last == "etc/security/pwquality.conf")
        #expect(section.entries["minlen"]?.value == "14")
        #expect(section.entries["minclass"]?.value == "3")
        #expect(section.entries["dcredit"]?.value == "-1")
        #expect(section.entries["enforce_for_root"]?.value == "yes")
    }

    @Test("faillock: values and flags; missing file is not present")
    func faillock() {
        let text = "deny = 3\nunlock_time = 600\neven_deny_root\nroot_unlock_time=900\n<script>alert(1)</script>\n"
        let (section, issues) = FaillockParser.parse(.memory(["etc/security/faillock.conf": text]))
        #expect(section.entries["deny"]?.value == "3")
        #expect(section.entries["even_deny_root"]?.value == "yes")
        #expect(section.entries["root_unlock_time"]?.value == "900")
        #expect(issues.map(\.line) == [5])
        #expect(FaillockParser.parse(.memory([:])).0.present == false)
    }
}
