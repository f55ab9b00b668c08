import CapdoCore
import CapdoNet
import CapdoTestSupport
import Foundation

/// Writes frames to a capture with libpcap and reads it back through capdo.
enum CaptureFixture {
    static func facts(_ frames: [[UInt8]], linkType: Int32 = 1) throws -> LanFacts {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.path("fixture.pcap")
        let writer = try CaptureWriter(path: path, linkType: linkType)
        for (index, frame) in frames.enumerated() { writer.write(frame, seconds: 1_700_000_000 + index) }
        writer.close()
        return try CaptureReader.read(path: path).facts
    }
}
