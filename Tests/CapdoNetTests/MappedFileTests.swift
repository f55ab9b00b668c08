import CapdoTestSupport
import Foundation
import Testing

@testable import CapdoNet

/// A mapped file cut while it is read: past the cut it reads zeros instead of dying of SIGBUS, and says so.
@Suite struct MappedFileTests {
    @Test func aFileCutWhileMappedReadsZerosPastTheCutAndSaysSo() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.path("cut")
        let chunk = MappedFile.chunkSize
        let length = 3 * chunk + 100
        _ = FileManager.default.createFile(atPath: path, contents: Data(repeating: 0xAB, count: length))
        let descriptor = open(path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let file = try #require(MappedFile(descriptor: descriptor, length: length))
        #expect(file.intact(upTo: length))
        #expect(file.base.load(fromByteOffset: 2 * chunk, as: UInt8.self) == 0xAB)
        #expect(truncate(path, off_t(chunk + 10)) == 0)
        #expect(file.intact(upTo: 100), "far before the cut")
        #expect(!file.intact(upTo: chunk + 11), "a byte past the cut")
        #expect(file.base.load(fromByteOffset: 2 * chunk, as: UInt8.self) == 0, "zeros, not SIGBUS")
        #expect(file.base.load(fromByteOffset: length - 1, as: UInt8.self) == 0)
        #expect(!file.intact(upTo: 100), "once cut, the reader stops")
        file.finish()
    }

    /// The last page of a file, where a cut faults nothing: its length decides.
    @Test func aCutInTheLastPageIsSeenFromTheFilesLength() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.path("short")
        _ = FileManager.default.createFile(atPath: path, contents: Data(repeating: 1, count: 1_000))
        let descriptor = open(path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let file = try #require(MappedFile(descriptor: descriptor, length: 1_000))
        #expect(file.intact(upTo: 1_000))
        #expect(truncate(path, 600) == 0)
        #expect(file.intact(upTo: 600))
        #expect(!file.intact(upTo: 601))
        file.finish()
    }
}
