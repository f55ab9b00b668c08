import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("chrony configuration")
struct ChronyParserTests {
    @Test func debianLayoutWithDirectories() {
        let files = ConfigFiles.memory([
            "etc/chrony/chrony.conf": """
            # Use Debian vendor zone.
            confdir /etc/chrony/conf.d
            pool 2.debian.pool.ntp.org iburst
            sourcedir /run/chrony-dhcp
            sourcedir /etc/chrony/sources.d
            makestep 1 3

            """,
            "etc/chrony/conf.d/10-local.conf": "server ntp.example.org iburst\n",
            "etc/chrony/conf.d/README": "server ignored\n",
            "run/chrony-dhcp/eth0.sources": "server 192.0.2.123 iburst\n",
            "etc/chrony/sources.d/bad.sources": "makestep 1 3\n",
        ])
        let (section, issues) = ChronyParser.parse(files)
        #expect(
            section.entries["pool"]
                == ConfigEntry(value: "2.debian.pool.ntp.org", file: "etc/chrony/chrony.conf", line: 3))
        #expect(section.entries["server"]?.value == "ntp.example.org 192.0.2.123")
        #expect(section.entries["server"]?.file == "etc/chrony/conf.d/10-local.conf")
        #expect(section.entries["sources"]?.value == "3")
        #expect(issues.map(\.file) == ["etc/chrony/sources.d/bad.sources"])
    }

    @Test func noSources() {
        let (section, _) = ChronyParser.parse(.memory(["etc/chrony/chrony.conf": "driftfile /var/lib/chrony/drift\n"]))
        #expect(section.entries["sources"]?.value == "0")
        #expect(section.entries["server"] == nil)
        #expect(!ChronyParser.parse(.memory([:])).0.present)
    }

    /// Oracle: augeas' chrony lens counts the same pool and server lines in Debian's file.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/etc/chrony/chrony.conf"), "needs package chrony"))
    func realDebianFileAgreesWithAugeas() throws {
        let root = try TemporaryDirectory()
        try root.copyFromHost("/etc/chrony/chrony.conf")
        let (section, issues) = ChronyParser.parse(root.files)
        #expect(issues.isEmpty)
        #expect(section.entries["pool"]?.value == "2.debian.pool.ntp.org")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/augtool") else { return }
        let output = try #require(
            ProcessRunner.oracle.run(
                "/usr/bin/augtool",
                ["-r", root.path, "-L", "-A", "-t", "Chrony incl /etc/chrony/chrony.conf", "print", "/files/etc"]))
        let pools = output.stdout.split(separator: "\n").filter {
            $0.range(of: #"/(pool|server)(\[[0-9]+\])? = "#, options: .regularExpression) != nil
        }
        #expect(String(pools.count) == section.entries["sources"]?.value, "\(output.stdout)")
    }
}
