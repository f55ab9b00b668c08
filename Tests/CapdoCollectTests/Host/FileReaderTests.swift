import CapdoCollect
import CapdoTestSupport
import Foundation
import Testing

@Suite("FileReader: symlinks inside the root, bounded reads, odd file types")
struct FileReaderTests {
    @Test func absoluteLinkResolvesInsideTheRoot() throws {
        let root = try TemporaryDirectory()
        try root.write("etc/hostname", "fixture-host\n")
        try root.symlink("etc/alternatives/name", to: "/etc/hostname")
        try root.symlink("usr/bin/name", to: "/etc/alternatives/name")
        let reader = FileReader(root: root.path)
        #expect(try reader.readText("usr/bin/name") == "fixture-host\n")
        #expect(try reader.resolve("/usr/bin/name") == "etc/hostname")
    }

    @Test func dotDotCannotEscapeTheRoot() throws {
        let root = try TemporaryDirectory()
        try root.write("etc/passwd", "inside:x:0:0::/:/bin/sh\n")
        try root.symlink("var/lib/up", to: "../../../../../../../../etc/passwd")
        let reader = FileReader(root: root.path)
        #expect(try reader.readText("var/lib/up") == "inside:x:0:0::/:/bin/sh\n")
        #expect(try reader.readText("../../../etc/passwd") == "inside:x:0:0::/:/bin/sh\n")
    }

    @Test func linkToAHostOnlyFileIsMissingNotRead() throws {
        let root = try TemporaryDirectory()
        try root.symlink("etc/os-release", to: "/usr/lib/os-release")
        let reader = FileReader(root: root.path)
        #expect(throws: FileReadError(path: "etc/os-release", reason: .missing)) {
            try reader.read("etc/os-release")
        }
    }

    @Test func loopsAreDetected() throws {
        let root = try TemporaryDirectory()
        try root.symlink("a", to: "b")
        try root.symlink("b", to: "/a")
        try root.symlink("self", to: "self")
        try root.symlink("dir/loop", to: "../dir/loop/x")
        let reader = FileReader(root: root.path)
        for path in ["a", "self", "dir/loop"] {
            #expect(throws: FileReadError(path: path, reason: .symlinkLoop)) { try reader.read(path) }
        }
    }

    @Test(arguments: [(39, true), (40, true), (41, false)])
    func chainLengthLimit(length: Int, readable: Bool) throws {
        let root = try TemporaryDirectory()
        try root.write("target", "end")
        try root.symlink("l\(length)", to: "target")
        for index in stride(from: length - 1, through: 1, by: -1) { try root.symlink("l\(index)", to: "l\(index + 1)") }
        let reader = FileReader(root: root.path)
        if readable {
            #expect(try reader.readText("l1") == "end")
        } else {
            #expect(throws: FileReadError(path: "l1", reason: .symlinkLoop)) { try reader.read("l1") }
        }
    }

    @Test func directoryFifoAndDeviceAreNotFiles() throws {
        let root = try TemporaryDirectory()
        try root.mkdir("etc/ssh")
        #expect(mkfifo(root.url("pipe").path, 0o644) == 0)
        let reader = FileReader(root: root.path)
        #expect(throws: FileReadError(path: "etc/ssh", reason: .notAFile)) { try reader.read("etc/ssh") }
        #expect(throws: FileReadError(path: "pipe", reason: .notAFile)) { try reader.read("pipe") }
        #expect(throws: FileReadError(path: "pipe", reason: .notAFile)) { try reader.readPrefix("pipe", bytes: 10) }
        let host = FileReader(root: "/")
        #expect(throws: FileReadError(path: "dev/zero", reason: .notAFile)) { try host.read("/dev/zero") }
    }

    @Test func sizeCapAndMissing() throws {
        let root = try TemporaryDirectory()
        try root.write("big", data: Data(repeating: 0x41, count: 2_000))
        let reader = FileReader(root: root.path)
        #expect(throws: FileReadError(path: "big", reason: .tooLarge(1_000))) { try reader.read("big", limit: 1_000) }
        #expect(try reader.read("big", limit: 2_000).count == 2_000)
        #expect(throws: FileReadError(path: "nothing", reason: .missing)) { try reader.read("/nothing") }
        #expect(throws: FileReadError(path: "big/x", reason: .missing)) { try reader.read("big/x") }
    }

    @Test func hugeSparseLogIsReadOnlyByPrefix() throws {
        let root = try TemporaryDirectory()
        try root.write("var/log/auth.log", "Nov 29 15:10:40 host sshd[1]: hello\n")
        let handle = try FileHandle(forWritingTo: root.url("var/log/auth.log"))
        try handle.truncate(atOffset: 2 * 1024 * 1024 * 1024)
        try handle.close()
        let reader = FileReader(root: root.path)
        let prefix = try reader.readPrefix("var/log/auth.log", bytes: 64 * 1024)
        #expect(prefix.count == 64 * 1024)
        #expect(String(decoding: prefix.prefix(15), as: UTF8.self) == "Nov 29 15:10:40")
        #expect(throws: FileReadError(path: "var/log/auth.log", reason: .tooLarge(FileReader.defaultLimit))) {
            try reader.read("var/log/auth.log")
        }
        let record = try reader.readRange("var/log/auth.log", offset: 1_000_000_000, count: 292)
        #expect(record == Data(repeating: 0, count: 292))
    }

    @Test func streamingLinesCountFromOne() throws {
        let root = try TemporaryDirectory()
        try root.write("lines", "a\nbb\n\nlast")
        var seen: [(String, Int)] = []
        try FileReader(root: root.path).forEachLine("lines") { line, number in
            seen.append((String(decoding: line, as: UTF8.self), number))
            return true
        }
        #expect(seen.map(\.0) == ["a", "bb", "", "last"])
        #expect(seen.map(\.1) == [1, 2, 3, 4])
    }

    @Test func statIsLstatAndListingsResolveInside() throws {
        let root = try TemporaryDirectory()
        try root.write("real/one.conf", "1")
        try root.write("real/two.txt", "2")
        try root.mkdir("real/sub.conf")
        try root.symlink("etc/conf.d", to: "/real")
        try root.symlink("etc/link", to: "/real/one.conf")
        let reader = FileReader(root: root.path)
        #expect(reader.stat("etc/link").kind == "symlink")
        #expect(reader.statFollowing("etc/link").kind == "file")
        #expect(reader.stat("/etc/conf.d/one.conf").kind == "file")
        #expect(reader.files(in: "etc/conf.d", suffix: ".conf") == ["etc/conf.d/one.conf"])
        #expect(reader.linkTarget("etc/link") == "/real/one.conf")
        #expect(reader.stat("missing").exists == false)
    }

    @Test(.enabled(if: geteuid() != 0, "running as root: mode 000 does not stop root from reading"))
    func unreadableFileIsReported() throws {
        let root = try TemporaryDirectory()
        try root.write("locked/shadow", "x")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: root.url("locked").path)
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root.url("locked").path)
        }
        #expect(throws: FileReadError(path: "locked/shadow", reason: .unreadable)) {
            try FileReader(root: root.path).read("locked/shadow")
        }
    }
}
