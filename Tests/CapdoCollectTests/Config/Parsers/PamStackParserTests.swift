import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("PamStackParser")
struct PamStackParserTests {
    /// This machine's real Debian stacks, copied into a root (skipped when the host has no /etc/pam.d).
    @Test(
        "Debian 12's default stacks", .enabled(if: FileManager.default.fileExists(atPath: "/etc/pam.d/common-auth")))
    func debianDefaults() throws {
        let root = try TemporaryDirectory()
        for name in try FileManager.default.contentsOfDirectory(atPath: "/etc/pam.d") {
            guard let data = FileManager.default.contents(atPath: "/etc/pam.d/" + name) else { continue }
            try root.write("etc/pam.d/" + name, String(decoding: data, as: UTF8.self))
        }
        let (section, issues) = PamStackParser.parse(ConfigFiles.host(FileReader(root: root.path)))
        #expect(issues.filter { $0.level == .error }.isEmpty, "\(issues.map(\.description))")
        #expect(section.present)
        let unix = try #require(section.entries["pam_unix"])
        #expect(unix.value.hasPrefix("common-auth:auth"))
        #expect(unix.file == "etc/pam.d/common-auth")
        #expect(section.entries["pam_unix.nullok"]?.value == "yes")
        #expect(section.entries["pam_deny"] != nil)
        #expect(section.entries["pam_unix.so"] == nil)
    }

    @Test("pwquality and faillock variants: arguments, bracket controls, optional modules, includes")
    func variants() {
        let files = [
            "etc/pam.d/common-password": """
            password\trequisite\t\t\tpam_pwquality.so retry=3 minlen=12 enforce_for_root
            password\t[success=1 default=ignore]\tpam_unix.so obscure use_authtok try_first_pass yescrypt
            """,
            "etc/pam.d/common-auth": """
            auth required pam_faillock.so preauth silent deny=5 \\
                unlock_time=900
            auth [success=1 default=ignore] /lib/x86_64-linux-gnu/security/pam_unix.so nullok
            auth [default=die] pam_faillock.so authfail deny=5
            -auth optional pam_systemd_home.so
            auth sufficient pam_faillock.so authsucc
            """,
            "etc/pam.d/sshd": "@include common-auth\naccount include common-account\nauth substack extra\n",
            "etc/pam.d/common-account": "account required pam_faillock.so\naccount required pam_unix.so\n",
            "etc/pam.d/extra": "auth optional pam_exec.so /bin/true\nsession optional pam_motd.so\n",
            "etc/pam.d/su": "auth sufficient pam_rootok.so\n@include su\nbogus line here\n",
        ]
        let (section, issues) = PamStackParser.parse(.memory(files))
        #expect(section.entries["pam_pwquality.minlen"]?.value == "12")
        #expect(section.entries["pam_pwquality.enforce_for_root"]?.value == "yes")
        #expect(section.entries["pam_faillock.deny"]?.value == "5")
        #expect(section.entries["pam_faillock.unlock_time"]?.value == "900")
        #expect(section.entries["pam_faillock"]?.value == "common-auth:auth,common-account:account")
        #expect(section.entries["pam_faillock"]?.line == 1)
        #expect(
            section.entries["pam_unix"]?.value == "common-auth:auth,common-account:account,common-password:password")
        #expect(section.entries["pam_systemd_home"] != nil)
        #expect(section.entries["pam_exec"]?.value == "extra:auth")
        #expect(section.entries["pam_motd"] == nil)
        #expect(issues.contains { $0.file == "etc/pam.d/su" && $0.line == 2 && $0.message.contains("loops") })
        #expect(issues.contains { $0.file == "etc/pam.d/su" && $0.line == 3 && $0.message.contains("bogus") })
    }

    @Test("no stacks at all: not present")
    func absent() {
        let (section, issues) = PamStackParser.parse(.memory([:]))
        #expect(!section.present)
        #expect(issues.isEmpty)
    }
}
