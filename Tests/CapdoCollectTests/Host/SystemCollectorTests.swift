import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("SystemCollector and OsReleaseParser")
struct SystemCollectorTests {
    @Test func parsesQuotedOsRelease() {
        let values = OsReleaseParser.parse(
            "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\n# comment\nVERSION_ID='12'\nBAD LINE\nX=\"a\\\"b\"\n"
        )
        #expect(values["PRETTY_NAME"] == "Debian GNU/Linux 12 (bookworm)")
        #expect(values["ID"] == "debian")
        #expect(values["VERSION_ID"] == "12")
        #expect(values["X"] == "a\"b")
        #expect(values.count == 4)
    }

    @Test(arguments: [
        ("debian", "", "debian"), ("ubuntu", "debian", "debian"), ("linuxmint", "ubuntu debian", "debian"),
        ("rocky", "rhel centos fedora", "rhel"), ("fedora", "", "rhel"), ("almalinux", "rhel", "rhel"),
        ("alpine", "", "alpine"), ("arch", "", "arch"),
    ])
    func family(id: String, like: String, expected: String) {
        #expect(OsReleaseParser.family(id: id, idLike: like.split(separator: " ").map(String.init)) == expected)
    }

    @Test func rootScanUsesFilesOnly() async throws {
        let root = try TemporaryDirectory()
        try root.write(
            "usr/lib/os-release", "ID=ubuntu\nID_LIKE=debian\nVERSION_ID=\"24.04\"\nVERSION_CODENAME=noble\n")
        try root.symlink("etc/os-release", to: "../usr/lib/os-release")
        try root.write("etc/hostname", "srv01\n")
        for name in [
            "vmlinuz-6.1.0-9-amd64", "vmlinuz-6.1.0-26-amd64", "vmlinuz-6.1.0-10-amd64", "config-6.1.0-30-amd64",
        ] {
            try root.write("boot/\(name)", "")
        }
        try root.write("var/lib/dpkg/arch", "arm64\narmhf\n")
        let output = await SystemCollector().collect(in: root.environment())
        let facts = try #require(output.system)
        #expect(facts.osID == "ubuntu")
        #expect(facts.osFamily == "debian")
        #expect(facts.versionID == "24.04")
        #expect(facts.source == "etc/os-release")
        #expect(facts.hostname == "srv01")
        #expect(facts.kernel == "6.1.0-26-amd64")
        #expect(facts.architecture == "arm64")
        #expect(output.issues.isEmpty)
    }

    @Test func missingOsReleaseIsAWarning() async throws {
        let root = try TemporaryDirectory()
        let output = await SystemCollector().collect(in: root.environment())
        #expect(output.system?.osFamily == nil)
        #expect(output.issues.count == 1)
    }

    @Test func liveHostMatchesUname() async throws {
        let output = await SystemCollector().collect(in: HostEnvironment(root: "/", now: Date()))
        var info = utsname()
        uname(&info)
        let release = withUnsafeBytes(of: info.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        #expect(output.system?.kernel == release)
        #expect(output.system?.hostname == ProcessInfo.processInfo.hostName || output.system?.hostname != nil)
        #expect(output.system?.architecture != nil)
    }
}
