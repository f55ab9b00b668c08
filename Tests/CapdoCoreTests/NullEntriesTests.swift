import Foundation
import Testing

@testable import CapdoCore

/// A snapshot whose lists hold nulls (a failed cmdlet of the old Windows script) is read without them, with an issue
/// naming the list's path and the file, by the fast reader and its reference alike: the host never vanishes.
@Suite("Snapshot reader: null list entries")
struct NullEntriesTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples/snapshots")

    /// The Windows sample with `local_admins` and `firewall_profiles` holding nulls.
    static func withNulls() throws -> Data {
        var tree = try FactJSONParser.parse(Data(contentsOf: samples.appendingPathComponent("pc-neglected.json")))
        guard case .object(var members) = tree, case .object(var windows) = members["windows"] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        windows["local_admins"] = .array([.null, .string("PC\\Administrator"), .null])
        windows["firewall_profiles"] = .array([.null])
        members["windows"] = .object(windows)
        tree = .object(members)
        return try SnapshotCodec.encoder().encode(tree)
    }

    @Test func nullsAreDroppedAndReported() throws {
        let read = try SnapshotReader.read(try Self.withNulls(), file: "pc.json")
        #expect(read.snapshot.windows?.localAdmins == ["PC\\Administrator"])
        #expect(read.snapshot.windows?.firewallProfiles == [])
        let issues = read.snapshot.issues.filter { $0.collector.hasPrefix("windows.") }
        #expect(issues.map(\.collector).sorted() == ["windows.firewall_profiles", "windows.local_admins"])
        let admins = try #require(issues.first { $0.collector == "windows.local_admins" })
        #expect(admins.message.hasPrefix("pc.json: "))
        #expect(admins.message.contains("windows.local_admins[0], windows.local_admins[2]"))
        #expect(admins.level == .error && admins.file == nil)
        // The facts the rules judge hold the issues too.
        #expect(read.facts["issues"]?.arrayValue?.count == read.snapshot.issues.count)
    }

    @Test func fastAndReferencePathsAgree() throws {
        let data = try Self.withNulls()
        let fast = try SnapshotReader.read(data, file: "pc.json")
        let plain = try CodecReference.snapshot(data, file: "pc.json")
        #expect(fast.snapshot == plain.snapshot)
        #expect(fast.facts == plain.facts)
    }

    @Test func cleanSnapshotIsUntouched() throws {
        let tree = try FactJSONParser.parse(
            Data(contentsOf: Self.samples.appendingPathComponent("pc-protected.json")))
        let dropped = NullEntries.dropped(from: tree, file: "x")
        #expect(dropped.issues.isEmpty)
        #expect(dropped.tree == tree)
    }

    /// A null member value (not a list entry) is the same as an absent member and raises no issue.
    @Test func nullMembersAreNotListEntries() {
        let tree: FactValue = .object(["windows": .object(["rdp_nla": .null, "a": .array([.array([.null])])])])
        let dropped = NullEntries.dropped(from: tree)
        #expect(dropped.issues.map(\.collector) == ["windows.a"])
        #expect(dropped.tree == .object(["windows": .object(["rdp_nla": .null, "a": .array([.array([])])])]))
    }
}
