import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("chrony client-only settings")
struct ChronyClientSettingsTests {
    @Test func allowCmdportMakestepUser() {
        let files = ConfigFiles.memory([
            "etc/chrony/chrony.conf": """
            confdir /etc/chrony/conf.d
            pool 2.debian.pool.ntp.org iburst
            makestep 1 3
            cmdport 323
            allow 192.0.2.0/24

            """,
            "etc/chrony/conf.d/90-local.conf": "cmdport 0\nallow\nuser _chrony\nmakestep 0.5 -1 extra\n",
        ])
        let (section, issues) = ChronyParser.parse(files)
        #expect(issues.isEmpty)
        #expect(section.entries["allow"] == ConfigEntry(value: "2", file: "etc/chrony/conf.d/90-local.conf", line: 2))
        // confdir is read at its line, so the main file's later lines win, as in chronyd.
        #expect(section.entries["cmdport"] == ConfigEntry(value: "323", file: "etc/chrony/chrony.conf", line: 4))
        #expect(section.entries["makestep"] == ConfigEntry(value: "1 3", file: "etc/chrony/chrony.conf", line: 3))
        #expect(section.entries["user"]?.value == "_chrony")
    }

    @Test func noAllowCountsZeroAndBareDirectivesAreNamed() {
        let (section, issues) = ChronyParser.parse(
            .memory(["etc/chrony/chrony.conf": "server 192.0.2.1 iburst\ncmdport\nuser\n"]))
        #expect(section.entries["allow"]?.value == "0")
        #expect(section.entries["cmdport"] == nil)
        #expect(issues.map(\.line) == [2, 3])
    }

    /// Oracle: `chronyd -p` prints the directives it reads, drop-in directories expanded in place; the last
    /// `cmdport` and `makestep` it prints and its number of `allow` lines are what capdo reports.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/sbin/chronyd"), "needs package chrony"))
    func chronydAgrees() throws {
        let root = try TemporaryDirectory()
        let main =
            "confdir @ROOT@/etc/chrony/conf.d\nserver 192.0.2.1 iburst\ncmdport 0\nmakestep 2 5\nallow 192.0.2.0/24\n"
        let dropIns = [
            "etc/chrony/conf.d/10-a.conf": "cmdport 323\nallow\nmakestep 1 3\n",
            "etc/chrony/conf.d/20-b.conf": "cmdport 324\n",
        ]
        try root.write("etc/chrony/chrony.conf", main.replacingOccurrences(of: "@ROOT@", with: root.path))
        for (path, text) in dropIns { try root.write(path, text) }
        let (section, issues) = ChronyParser.parse(
            .memory(
                dropIns.merging(["etc/chrony/chrony.conf": main.replacingOccurrences(of: "@ROOT@", with: "")]) { a, _ in
                    a
                }))
        #expect(issues.isEmpty)
        let output = try #require(
            ProcessRunner.oracle.run("/usr/sbin/chronyd", ["-p", "-f", root.path + "/etc/chrony/chrony.conf"]))
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        let last = { (name: String) in lines.last { $0.first == name }?.dropFirst().joined(separator: " ") }
        #expect(section.entries["cmdport"]?.value == last("cmdport"), "\(output.stdout)")
        #expect(section.entries["makestep"]?.value == last("makestep"), "\(output.stdout)")
        #expect(section.entries["allow"]?.value == String(lines.filter { $0.first == "allow" }.count))
    }
}
