import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("FilesCollector")
struct FilesCollectorTests {
    @Test func recordsMetadataWithLstatSemantics() async throws {
        let root = try TemporaryDirectory()
        try root.write("etc/shadow", "secret-content")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: root.url("etc/shadow").path)
        try root.symlink("etc/sudoers", to: "/etc/shadow")
        let output = await FilesCollector().collect(in: root.environment())
        #expect(output.files.count == FilesCollector.paths.count)
        let shadow = try #require(output.files["/etc/shadow"])
        #expect(shadow.exists && shadow.kind == "file" && shadow.mode == "0640" && shadow.size == 14)
        #expect(output.files["/etc/sudoers"]?.kind == "symlink")
        #expect(output.files["/etc/passwd"] == FileFact(exists: false))
    }
}
