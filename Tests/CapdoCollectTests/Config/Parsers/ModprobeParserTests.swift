import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("modprobe.d rules")
struct ModprobeParserTests {
    @Test func firstInstallWinsAcrossDirectoriesAndNames() {
        let files = ConfigFiles.memory([
            "etc/modprobe.d/usb-storage.conf":
                "# no USB drives\ninstall usb-storage /bin/false\nblacklist usb-storage\n",
            "etc/modprobe.d/zz-late.conf": "install usb_storage /sbin/modprobe --ignore-install usb_storage\n",
            "lib/modprobe.d/usb-storage.conf": "install usb-storage /bin/true\n",
            "lib/modprobe.d/aliases.conf": "alias char-major-10-* off\noptions snd slots=1 \\\n  index=0\n",
            "etc/modprobe.d/README": "install usb-storage /bin/echo\n",
        ])
        let (section, issues) = ModprobeParser.parse(files)
        #expect(issues.isEmpty)
        #expect(
            section.entries["install.usb_storage"]
                == ConfigEntry(value: "/bin/false", file: "etc/modprobe.d/usb-storage.conf", line: 2))
        #expect(section.entries["blacklist.usb_storage"]?.value == "yes")
        #expect(section.files.contains("lib/modprobe.d/usb-storage.conf") == false)
    }

    @Test func badLinesAreNamed() {
        let (section, issues) = ModprobeParser.parse(
            .memory(["etc/modprobe.d/x.conf": "instal usb-storage /bin/false\nblacklist\ninstall cramfs\n"]))
        #expect(section.entries.isEmpty)
        #expect(issues.map(\.line) == [1, 2, 3])
    }

    /// Oracle: kmod's own `modprobe -C DIR -n -v` prints the install command it would run instead of loading.
    @Test(
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/sbin/modprobe"), "needs package kmod"),
        arguments: [
            ["a.conf": "install usb-storage /bin/false\n", "b.conf": "install usb_storage /bin/true\n"],
            ["a.conf": "blacklist usb-storage\n", "b.conf": "install usb-storage \\\n  /bin/true\n"],
            ["10.conf": "install usb_storage /bin/echo blocked\n", "9.conf": "install usb-storage /bin/false\n"],
        ])
    func agreesWithModprobe(_ dropIns: [String: String]) throws {
        let root = try TemporaryDirectory()
        for (name, text) in dropIns { try root.write("etc/modprobe.d/" + name, text) }
        let (section, _) = ModprobeParser.parse(root.files)
        let output = try #require(
            ProcessRunner.oracle.run(
                "/usr/sbin/modprobe", ["-C", root.path + "/etc/modprobe.d", "-n", "-v", "usb-storage"]))
        let line = output.stdout.split(separator: "\n").first { $0.hasPrefix("install ") }
        let command = line.map { $0.dropFirst("install ".count).trimmingCharacters(in: .whitespaces) }
        #expect(section.entries["install.usb_storage"]?.value == command, "\(output.stdout)")
    }
}
