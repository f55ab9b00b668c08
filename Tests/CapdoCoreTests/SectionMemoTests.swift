import Foundation
import Testing

@testable import CapdoCore

/// Reading snapshots through a `SectionMemo` gives what reading each alone gives: the snapshot, the facts, and
/// whether the tree could serve as the facts (a section taken from the memo carries its own canonical flag).
@Suite("Snapshot reader: sections decoded once")
struct SectionMemoTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples/snapshots")

    @Test func memoReadsAsReadingAlone() throws {
        let memo = SectionMemo()
        let names = ["pc-ketoan-05.json", "pc-neglected.json", "pc-protected.json", "pc-vanthu-02.json"]
        // Twice over: the second round takes every section from the memo.
        for name in names + names {
            let data = try Data(contentsOf: Self.samples.appendingPathComponent(name))
            let alone = try SnapshotReader.read(data)
            let remembered = try SnapshotReader.readKeepingSpans(data, memo: memo)
            #expect(remembered.snapshot == alone.snapshot, "\(name)")
            #expect(remembered.facts == alone.facts, "\(name)")
            #expect(remembered.spans != nil, "\(name)")
        }
    }

    @Test func aSectionNotCanonicalStaysSoFromTheMemo() throws {
        let data = try Data(contentsOf: Self.samples.appendingPathComponent("pc-neglected.json"))
        guard case .object(var members) = try FactJSONParser.parse(data), case .object(var system) = members["system"]
        else {
            Issue.record("not an object")
            return
        }
        // A member the types do not know: the tree is no longer what encoding the snapshot gives.
        system["unknown_member"] = .string("x")
        members["system"] = .object(system)
        let odd = try SnapshotCodec.encoder().encode(FactValue.object(members))
        let memo = SectionMemo()
        for _ in 0..<2 {
            let alone = try SnapshotReader.read(odd)
            let remembered = try SnapshotReader.readKeepingSpans(odd, memo: memo)
            #expect(remembered.snapshot == alone.snapshot)
            #expect(remembered.facts == alone.facts)
            #expect(remembered.spans == nil)
            #expect(remembered.facts["system"]?["unknown_member"] == nil)
        }
    }
}
