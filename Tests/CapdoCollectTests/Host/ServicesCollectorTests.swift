import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("ServicesCollector: enablement from unit directories")
struct ServicesCollectorTests {
    @Test func enabledMaskedAliasedAndStatic() async throws {
        let root = try TemporaryDirectory()
        try root.write("lib/systemd/system/ssh.service", "[Unit]\n[Install]\nAlias=sshd.service\n")
        try root.write("lib/systemd/system/rsyslog.service", "[Unit]\n")
        try root.write("lib/systemd/system/telnet.socket", "[Unit]\n")
        try root.write("lib/systemd/system/getty@.service", "[Unit]\n")
        try root.write("usr/lib/systemd/system/systemd-journald.service", "[Unit]\n")
        try root.write("lib/systemd/system/chrony.service", "[Unit]\n")
        try root.symlink("etc/systemd/system/sshd.service", to: "/lib/systemd/system/ssh.service")
        // Enabled through the alias name: counts for ssh.service.
        try root.symlink(
            "etc/systemd/system/multi-user.target.wants/sshd.service", to: "/etc/systemd/system/sshd.service")
        try root.symlink(
            "etc/systemd/system/multi-user.target.wants/rsyslog.service", to: "/lib/systemd/system/rsyslog.service")
        try root.symlink(
            "etc/systemd/system/getty.target.wants/getty@tty1.service", to: "/lib/systemd/system/getty@.service")
        try root.symlink(
            "usr/lib/systemd/system/sysinit.target.wants/systemd-journald.service", to: "../systemd-journald.service")
        try root.symlink("etc/systemd/system/telnet.socket", to: "/dev/null")
        let output = await ServicesCollector().collect(in: root.environment())
        let units = try #require(output.services?.units)
        #expect(output.services?.source == "filesystem")
        #expect(units["ssh.service"]?.enabled == true)
        #expect(units["ssh.service"]?.unitFile == "lib/systemd/system/ssh.service")
        #expect(units["ssh.service"]?.enabledBy == ["etc/systemd/system/multi-user.target.wants/sshd.service"])
        #expect(units["sshd.service"] == nil)
        #expect(units["rsyslog.service"]?.enabled == true)
        #expect(units["chrony.service"]?.enabled == false)
        #expect(units["telnet.socket"]?.masked == true)
        #expect(units["telnet.socket"]?.enabled == false)
        #expect(units["getty@tty1.service"]?.enabled == true)
        #expect(units["systemd-journald.service"]?.enabled == true)
        #expect(units["systemd-journald.service"]?.unitFile == "usr/lib/systemd/system/systemd-journald.service")
        #expect(units.values.allSatisfy { $0.active == nil })
        #expect(output.issues.isEmpty)
    }

    @Test func liveHostWithoutSystemdWarns() async throws {
        // This container is not booted with systemd; on a systemd host `active` is filled instead.
        let env = HostEnvironment(root: "/", now: Date())
        let output = await ServicesCollector().collect(in: env)
        let booted = FileManager.default.fileExists(atPath: "/run/systemd/system")
        if booted {
            #expect(output.services?.source == "filesystem+systemctl")
        } else {
            #expect(output.services?.source == "filesystem")
            #expect(output.issues.contains { $0.level == .warning && $0.message.contains("systemd is not running") })
        }
    }
}
