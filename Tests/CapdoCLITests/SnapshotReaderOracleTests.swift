import CapdoCore
import Foundation
import Testing

/// `capdo evaluate` reads snapshots with its own parser (`SnapshotReader`); Foundation's `JSONDecoder` followed by
/// encoding the snapshot into a tree is the oracle: same snapshot, same facts, for every collected sample host.
@Suite("Snapshot reader against JSONDecoder on collected samples")
struct SnapshotReaderOracleTests {
    @Test(arguments: ["srv-hardened", "ws-neglected"])
    func collectedSampleReadsAsJSONDecoderReadsIt(host: String) throws {
        let output = NSTemporaryDirectory() + "capdo-reader-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let collect = CapdoProcess.run([
            "collect", "--root", "Samples/hosts/\(host)", "--now", "2026-11-28T09:00:00Z", "--output", output,
        ])
        #expect(collect.status == 0, "\(collect.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: output))
        let expected = try SnapshotCodec.decoder().decode(HostSnapshot.self, from: data)
        let read = try SnapshotReader.read(data)
        #expect(read.snapshot == expected)
        #expect(read.facts == (try FactValue.from(expected)))
        #expect(read.facts["config"]?["sshd"] != nil)
    }
}
