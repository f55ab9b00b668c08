import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("SshdConfigParser")
struct SshdConfigParserTests {
    @Test("relative Include resolves against etc/ssh, glob results sorted, first value wins")
    func relativeInclude() {
        let (section, issues) = SshdConfigParser.parse(
            .memory([
                "etc/ssh/sshd_config": "Include sshd_config.d/*.conf\nPermitRootLogin yes\n",
                "etc/ssh/sshd_config.d/50-b.conf": "PermitRootLogin without-password\n",
                "etc/ssh/sshd_config.d/10-a.conf": "PermitRootLogin no\n",
            ]))
        #expect(issues.isEmpty)
        #expect(
            section.files == [
                "etc/ssh/sshd_config", "etc/ssh/sshd_config.d/10-a.conf", "etc/ssh/sshd_config.d/50-b.conf",
            ])
        #expect(
            section.entries["permitrootlogin"]
                == ConfigEntry(value: "no", file: "etc/ssh/sshd_config.d/10-a.conf", line: 1))
        #expect(section.entries["maxauthtries"] == .defaultValue("6"))
        #expect(section.entries["permitemptypasswords"]?.isDefault == true)
    }

    @Test("every key sshd -T prints for an empty file has a default")
    func defaultsComplete() {
        let (section, issues) = SshdConfigParser.parse(text: "")
        #expect(issues.isEmpty)
        #expect(section.present)
        #expect(section.entries.count == 87)
        #expect(section.entries["permitrootlogin"]?.value == "without-password")
        #expect(section.entries["listenaddress"]?.value == "[::]:22 0.0.0.0:22")
        #expect(section.entries.values.allSatisfy { $0.isDefault == true })
        #expect(section.entries["allowusers"] == nil)
    }

    @Test("a missing sshd_config gives a section that is not present, without issues")
    func missing() {
        let (section, issues) = SshdConfigParser.parse(.memory([:]))
        #expect(!section.present)
        #expect(section.entries.isEmpty)
        #expect(issues.isEmpty)
    }

    @Test("unknown keyword: an issue with file and line, the other keys still collected")
    func unknownKeyword() {
        let (section, issues) = SshdConfigParser.parse(text: "PermitRootLogn no\nMaxAuthTries 3\nPort abc\n")
        #expect(issues.count == 2)
        #expect(issues.first?.line == 1)
        #expect(issues.first?.file == "etc/ssh/sshd_config")
        #expect(issues.first?.message.contains("PermitRootLogn") == true)
        #expect(issues.first?.message.contains("refuses") == true)
        #expect(issues.last?.line == 3)
        #expect(section.entries["maxauthtries"]?.value == "3")
        #expect(section.entries["port"]?.value == "22")
    }

    @Test("Match blocks keep their own entries and location; Match all returns to global")
    func matchBlocks() {
        let text =
            "Match User backup\n  PasswordAuthentication yes\n  Port 2222\nMatch all\nPasswordAuthentication no\n"
        let (section, issues) = SshdConfigParser.parse(text: text)
        #expect(issues.map(\.line) == [3])
        #expect(issues.first?.message.contains("not allowed inside a Match block") == true)
        #expect(section.blocks.count == 1)
        #expect(section.blocks.first?.criteria == "User backup")
        #expect(section.blocks.first?.line == 1)
        #expect(section.blocks.first?.entries["passwordauthentication"]?.value == "yes")
        #expect(section.entries["passwordauthentication"]?.value == "no")
        #expect(section.entries["passwordauthentication"]?.line == 5)
    }

    @Test("an include loop stops at sshd's depth limit with an issue")
    func includeLoop() {
        let (section, issues) = SshdConfigParser.parse(
            .memory(["etc/ssh/sshd_config": "Include sshd_config\nUsePAM yes\n"]))
        #expect(issues.contains { $0.message.contains("nested deeper") })
        #expect(section.entries["usepam"]?.value == "yes")
    }

    @Test("an include loop that fans out is cut after a bounded number of files (found by fuzzing: a timeout)")
    func includeFanOut() {
        // Each read of extra.conf includes it twice: 2^16 reads before the depth limit, without the file budget.
        let (section, issues) = SshdConfigParser.parse(
            .memory([
                "etc/ssh/sshd_config": "Include extra.conf\nUsePAM yes\n",
                "etc/ssh/extra.conf": "Include extra.conf\nInclude extra.conf\nPort 2222\n",
            ]))
        #expect(section.files.count == 1 + 256)  // the main file and SshdConfigParser.maxIncludedFiles more
        #expect(issues.contains { $0.message.contains("files read through Include (an include loop?)") })
        #expect(issues.contains { $0.message.contains("nested deeper") })
        #expect(section.entries["usepam"]?.value == "yes")
    }

    @Test("hostile values are kept as data, an enormous line is reported")
    func hostileValues() {
        let huge = "Banner " + String(repeating: "A", count: 70_000)
        let text = "Banner <script>alert(1)</script>\n\(huge)\nForceCommand /bin/echo \"><img src=x>\"\nUsePAM yes"
        let (section, issues) = SshdConfigParser.parse(text: text)
        #expect(section.entries["banner"]?.value == "<script>alert(1)</script>")
        #expect(section.entries["forcecommand"]?.value == "/bin/echo \"><img src=x>\"")
        #expect(section.entries["usepam"]?.value == "yes")
        #expect(issues.map(\.line) == [2])
    }

    @Test("unterminated quotes and missing arguments are issues")
    func badSyntax() {
        let (section, issues) = SshdConfigParser.parse(text: "Banner \"/etc/issue\nPermitRootLogin\nUsePAM yes\n")
        #expect(issues.map(\.line) == [1, 2])
        #expect(section.entries["usepam"]?.value == "yes")
    }

    @Test("the collector reads through the root, reports unreadable includes and carries on")
    func collectorThroughRoot() async throws {
        let root = try TemporaryDirectory([
            "etc/ssh/sshd_config": "Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication no\n",
            "etc/ssh/sshd_config.d/10-ok.conf": "PermitRootLogin no\n",
        ])
        try root.symlink("etc/ssh/sshd_config.d/20-loop.conf", to: "20-loop.conf")
        try FileManager.default.createDirectory(
            atPath: root.path + "/etc/ssh/sshd_config.d/30-dir.conf", withIntermediateDirectories: true)
        let collector = try #require(ConfigCollectors.all.first { $0.id == "config.sshd" })
        let output = await collector.collect(in: HostEnvironment(root: root.path, now: Date(timeIntervalSince1970: 0)))
        let section = try #require(output.config["sshd"])
        #expect(section.entries["permitrootlogin"]?.value == "no")
        #expect(section.entries["passwordauthentication"]?.value == "no")
        #expect(output.issues.count == 2)
        #expect(output.issues.allSatisfy { $0.collector == "config.sshd" && $0.file == "etc/ssh/sshd_config" })
    }
}
