import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("journald and timesyncd configuration")
struct JournaldParserTests {
    @Test func dropInsOverrideMainFile() {
        let files = ConfigFiles.memory([
            "etc/systemd/journald.conf": "[Journal]\n#Storage=auto\nStorage=volatile\nCompress=yes\n",
            "usr/lib/systemd/journald.conf.d/10-vendor.conf": "[Journal]\nStorage=persistent\nSystemMaxUse=1G\n",
            "etc/systemd/journald.conf.d/20-local.conf": "[Journal]\nMaxRetentionSec=1month\nCompress=\n",
            "usr/lib/systemd/journald.conf.d/20-local.conf": "[Journal]\nMaxRetentionSec=1d\n",
        ])
        let (section, issues) = JournaldParser.parse(files)
        #expect(issues.isEmpty, "\(issues)")
        let e = section.entries
        #expect(
            e["Storage"]
                == ConfigEntry(value: "persistent", file: "usr/lib/systemd/journald.conf.d/10-vendor.conf", line: 2))
        #expect(e["persistent"]?.value == "yes")
        #expect(e["persistent"]?.line == 2)
        #expect(e["Compress"] == nil)
        #expect(e["MaxRetentionSec"]?.file == "etc/systemd/journald.conf.d/20-local.conf")
        #expect(e["max_retention_days"]?.value == "30")
    }

    @Test(arguments: [
        ("1month", 30), ("2weeks", 14), ("30d", 30), ("1y", 365), ("86400", 1), ("3 days 12h", 3), ("1year 6M", 547),
        ("0", 0), ("1 month", 30),
    ])
    func timeSpans(text: String, days: Int) {
        #expect(SystemdTimeSpan.days(text) == days)
    }

    @Test(arguments: ["", "abc", "5 parsecs", "-1d", "1e400d"])
    func badTimeSpans(text: String) {
        #expect(SystemdTimeSpan.days(text) == nil)
    }

    @Test func autoStorageDependsOnJournalDirectory() {
        let without = JournaldParser.parse(.memory(["etc/systemd/journald.conf": "[Journal]\n"])).0
        #expect(without.entries["persistent"]?.value == "no")
        let with = JournaldParser.parse(
            .memory(["etc/systemd/journald.conf": "[Journal]\n", "var/log/journal/machine-id/system.journal": ""])
        ).0
        #expect(with.entries["persistent"] == ConfigEntry(value: "yes", file: "var/log/journal"))
    }

    @Test func badInput() {
        let files = ConfigFiles.memory([
            "etc/systemd/journald.conf": "Storage=persistent\n[Journal\n[Journal]\nStorage=sometimes\nnonsense\n"
                + "MaxRetentionSec=forever\nSystemMaxUse=<script>\n"
        ])
        let (section, issues) = JournaldParser.parse(files)
        #expect(section.entries["SystemMaxUse"]?.value == "<script>")
        #expect(Set(issues.compactMap(\.line)) == [1, 2, 4, 5, 6])
        #expect(issues.first { $0.line == 4 }?.level == .warning)
        #expect(section.entries["persistent"]?.value == "no")
        #expect(section.entries["max_retention_days"] == nil)
    }

    /// journald ignores a `Storage=` value it does not know (raw text, no unquoting, case-sensitive): the
    /// earlier assignment, or the default `auto`, stays in force. capdo judges that value and warns.
    @Test(
        arguments: [
            ("\"volatile\"", false, "persistent", "yes"), ("Volatile", false, "persistent", "yes"),
            ("sometimes", false, "persistent", "yes"), ("", false, "persistent", "yes"),
            ("'none'", true, nil, "yes"), ("bogus", true, nil, "yes"), ("bogus", false, nil, "no"),
        ] as [(String, Bool, String?, String)])
    func ignoredStorageValues(value: String, journalDirectory: Bool, earlier: String?, persistent: String) {
        var texts = [
            "etc/systemd/journald.conf": "[Journal]\n" + (earlier.map { "Storage=\($0)\n" } ?? ""),
            "etc/systemd/journald.conf.d/50-local.conf": "[Journal]\nStorage=\(value)\n",
        ]
        if journalDirectory { texts["var/log/journal/machine-id/system.journal"] = "" }
        let (section, issues) = JournaldParser.parse(.memory(texts))
        #expect(section.entries["Storage"]?.value == earlier)
        #expect(section.entries["persistent"]?.value == persistent)
        #expect(issues.count == 1)
        #expect(issues.first?.level == .warning)
        #expect(issues.first?.file == "etc/systemd/journald.conf.d/50-local.conf" && issues.first?.line == 2)
    }

    /// Oracle: `systemd-analyze cat-config systemd/journald.conf --root=DIR` lists the main file and the
    /// drop-ins in the order systemd applies them; capdo reads the same files in the same order (drop-in
    /// directories etc, run, usr/local/lib, usr/lib; a name in an earlier directory masks a later one).
    @Test(
        .enabled(if: SystemdAnalyze.available, "needs systemd"),
        arguments: [true, false])
    func dropInOrderMatchesSystemdAnalyze(mainInEtc: Bool) throws {
        let root = try TemporaryDirectory()
        try root.write(
            mainInEtc ? "etc/systemd/journald.conf" : "usr/lib/systemd/journald.conf", "[Journal]\nStorage=volatile\n")
        try root.write("etc/systemd/journald.conf.d/50-x.conf", "[Journal]\nStorage=persistent\n")
        try root.write("usr/lib/systemd/journald.conf.d/50-x.conf", "[Journal]\nStorage=none\n")
        try root.write("usr/lib/systemd/journald.conf.d/60-vendor.conf", "[Journal]\nStorage=\"volatile\"\n")
        try root.write("run/systemd/journald.conf.d/10-run.conf", "[Journal]\nStorage=volatile\n")
        try root.write("usr/local/lib/systemd/journald.conf.d/55-local.conf", "[Journal]\nSystemMaxUse=1G\n")
        try root.write("etc/systemd/journald.conf.d/70-notes.txt", "[Journal]\nStorage=none\n")
        let oracle = try #require(SystemdAnalyze.catConfig("systemd/journald.conf", root: root.path)).files
        #expect(oracle.count == 5, "\(oracle)")
        let capdoOrder = JournaldParser.parser.order(root.files)
        #expect(capdoOrder == oracle)
        let (section, issues) = JournaldParser.parse(root.files)
        #expect(section.entries["Storage"]?.file == "etc/systemd/journald.conf.d/50-x.conf")
        #expect(section.entries["persistent"]?.value == "yes")
        #expect(issues.map(\.line) == [2] && issues.first?.file == "usr/lib/systemd/journald.conf.d/60-vendor.conf")
    }

    @Test func missing() {
        let (section, _) = JournaldParser.parse(.memory([:]))
        #expect(!section.present)
    }

    @Test func timesyncdLists() {
        let files = ConfigFiles.memory([
            "etc/systemd/timesyncd.conf": "[Time]\n#NTP=\nNTP=ntp1.example\nFallbackNTP=0.debian.pool.ntp.org\n",
            "etc/systemd/timesyncd.conf.d/50-x.conf": "[Time]\nNTP=ntp2.example ntp3.example\nFallbackNTP=\n",
        ])
        let (section, issues) = TimesyncdParser.parse(files)
        #expect(issues.isEmpty)
        #expect(section.entries["NTP"]?.value == "ntp1.example ntp2.example ntp3.example")
        #expect(
            section.entries["FallbackNTP"]
                == ConfigEntry(value: "", file: "etc/systemd/timesyncd.conf.d/50-x.conf", line: 3))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/etc/systemd/journald.conf"), "needs systemd"))
    func realDebianFiles() throws {
        let root = try TemporaryDirectory()
        try root.copyFromHost("/etc/systemd/journald.conf")
        try root.copyFromHost("/etc/systemd/timesyncd.conf")
        #expect(JournaldParser.parse(root.files).1.isEmpty)
        #expect(TimesyncdParser.parse(root.files).1.isEmpty)
    }
}
