import Foundation
import Testing

@testable import CapdoCore

/// `SnapshotReader.read` (the fast parser, `FactValueDecoder` with its hand-decoded hot types, and the parsed tree
/// kept as the facts) against `CodecReference.snapshot` (`JSONDecoder`, then the facts encoded through JSON), and
/// `FactValueEncoder` against `CodecReference.tree`, on the sample snapshots and on generated variants of them.
@Suite("Codec: snapshot reader against JSONDecoder")
struct SnapshotReaderDifferentialTests {
    /// Both paths read `data` to the same snapshot and facts, or both refuse it; returns the snapshot.
    @discardableResult
    static func expectSame(_ data: Data, _ comment: Comment) -> HostSnapshot? {
        let fast = try? SnapshotReader.read(data)
        let plain = try? CodecReference.snapshot(data)
        #expect((fast == nil) == (plain == nil), comment)
        guard let fast, let plain else { return nil }
        #expect(fast.snapshot == plain.snapshot, comment)
        #expect(fast.facts == plain.facts, comment)
        #expect((try? FactValue.from(fast.snapshot)) == plain.facts, "\(comment): encoder against JSON")
        return fast.snapshot
    }

    @Test func sampleSnapshots() throws {
        let samples = try CodecInputs.sampleSnapshots()
        #expect(samples.count >= 2)
        for sample in samples { #expect(Self.expectSame(sample.data, "\(sample.name)") != nil) }
    }

    /// 200 variants of each sample: leaves changed to other values of the same or another type, members dropped,
    /// unknown members and explicit nulls added. Some variants are invalid snapshots; both paths must refuse those.
    @Test func generatedVariantsOfTheSamples() throws {
        var random = SeededGenerator(seed: 0xC0DEC_0003)
        let encoder = SnapshotCodec.encoder()
        for sample in try CodecInputs.sampleSnapshots() {
            let tree = try FactJSONParser.parse(sample.data)
            var read = 0
            for round in 0..<200 {
                var variant = tree
                for _ in 0..<Int.random(in: 1...4, using: &random) { Self.mutate(&variant, using: &random) }
                if Self.expectSame(try encoder.encode(variant), "\(sample.name) variant \(round)") != nil { read += 1 }
            }
            #expect(read > 20, "\(sample.name): too few variants were snapshots to compare")
        }
    }

    /// Every member of a systemd unit and of a package (the types decoded in one pass over their members) dropped,
    /// made null, given another type, and an unknown member added: both paths read each variant alike, and a
    /// refused one names the unit's or package's member in its coding path.
    @Test func everyMemberOfAUnitAndAPackageChanged() throws {
        let base = Self.unitAndPackage()
        let encoder = SnapshotCodec.encoder()
        let places: [(section: String, list: String, item: FactValue)] = [
            ("services", "units", .string("ssh.service")), ("packages", "packages", .number(0)),
        ]
        var refused = 0
        for place in places {
            guard case .object(let item) = Self.item(of: base, place.section, place.list, place.item) else {
                Issue.record("no \(place.section) item")
                continue
            }
            for key in item.keys.sorted() + ["unknown_member"] {
                for change in [nil, FactValue.null, .number(1), .string("x"), .array([.bool(true)])] {
                    var changed = item
                    changed[key] = change
                    let variant = Self.replacing(base, place.section, place.list, place.item, with: .object(changed))
                    let data = try encoder.encode(variant)
                    let comment: Comment = "\(place.section) \(key) → \(change.map(\.display) ?? "absent")"
                    guard Self.expectSame(data, comment) == nil else { continue }
                    refused += 1
                    do {
                        _ = try SnapshotReader.read(data)
                    } catch {
                        guard case .invalid(let failure) = error, let decoding = failure as? DecodingError else {
                            Issue.record("\(comment): \(error)")
                            continue
                        }
                        let path = Self.codingPath(decoding).map(\.stringValue)
                        #expect(path.starts(with: [place.section, place.list]), comment)
                    }
                }
            }
        }
        #expect(refused > 10)
    }

    /// A snapshot with one systemd unit (`ssh.service`) and one package, every member set.
    static func unitAndPackage() -> FactValue {
        var snapshot = HostSnapshot(collectedAt: Date(timeIntervalSince1970: 1_764_000_000), root: "/", live: false)
        snapshot.services = ServiceFacts(
            source: "filesystem",
            units: [
                "ssh.service": ServiceUnit(
                    enabled: true, masked: false, active: "active", unitFile: "lib/systemd/system/ssh.service",
                    enabledBy: ["etc/systemd/system/multi-user.target.wants/ssh.service"])
            ])
        var package = InstalledPackage(name: "openssh-server", version: "1:9.2p1-2", state: "installed")
        package.architecture = "amd64"
        package.sourcePackage = "openssh"
        package.file = "var/lib/dpkg/status"
        package.line = 12
        snapshot.packages = PackageFacts(manager: "dpkg", sources: ["var/lib/dpkg/status"], packages: [package])
        return (try? FactValue.from(snapshot)) ?? .null
    }

    static func item(of tree: FactValue, _ section: String, _ list: String, _ item: FactValue) -> FactValue? {
        let container = tree[section]?[list]
        if case .number(let index) = item { return container?.arrayValue?[Int(index)] }
        return container?[item.stringValue ?? ""]
    }

    static func replacing(
        _ tree: FactValue, _ section: String, _ list: String, _ item: FactValue, with value: FactValue
    )
        -> FactValue
    {
        guard case .object(var top) = tree, case .object(var members) = top[section] else { return tree }
        switch members[list] {
        case .array(var items):
            items[Int(item.numberValue ?? 0)] = value
            members[list] = .array(items)
        case .object(var entries):
            entries[item.stringValue ?? ""] = value
            members[list] = .object(entries)
        default: return tree
        }
        top[section] = .object(members)
        return .object(top)
    }

    static func codingPath(_ error: DecodingError) -> [any CodingKey] {
        switch error {
        case .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context),
            .dataCorrupted(let context):
            return context.codingPath
        @unknown default: return []
        }
    }

    /// Changes one randomly chosen place of `tree` (never `schema_version`, which only the reader checks).
    static func mutate(_ tree: inout FactValue, using random: inout SeededGenerator) {
        switch tree {
        case .object(var members) where !members.isEmpty:
            let keys = members.keys.sorted().filter { $0 != "schema_version" }
            guard let key = keys.randomElement(using: &random) else { return }
            switch Int.random(in: 0..<20, using: &random) {
            case 0: members[key] = nil
            case 1: members["unknown_" + key] = .string("x")
            case 2: members[key] = .null
            default: mutate(&members[key]!, using: &random)
            }
            tree = .object(members)
        case .array(var items) where !items.isEmpty:
            let index = Int.random(in: 0..<items.count, using: &random)
            if Int.random(in: 0..<10, using: &random) == 0 {
                items.remove(at: index)
            } else {
                mutate(&items[index], using: &random)
            }
            tree = .array(items)
        case .string:
            tree =
                Int.random(in: 0..<8, using: &random) == 0
                ? .number(1) : .string(CodecInputs.randomString(using: &random))
        case .number:
            let choices: [FactValue] = [.number(0), .number(-1), .number(2.5), .number(1e19), .string("7")]
            tree =
                Bool.random(using: &random)
                ? .number(Double(Int.random(in: 0...100_000, using: &random)))
                : choices.randomElement(using: &random)!
        case .bool(let flag): tree = Int.random(in: 0..<8, using: &random) == 0 ? .string("yes") : .bool(!flag)
        default: tree = .string(CodecInputs.randomString(using: &random))
        }
    }
}
