import Foundation
import Testing

@testable import CapdoCore

@Suite("Snapshot reader")
struct SnapshotReaderTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples/snapshots")

    /// What `capdo evaluate` judged before the reader: Foundation's decoder (and the Windows lifecycle dates every
    /// reader adds), then the encoder into a tree.
    static func reference(_ data: Data) throws -> (HostSnapshot, FactValue) {
        var snapshot = try SnapshotCodec.decoder().decode(HostSnapshot.self, from: data)
        WindowsLifecycle.fill(&snapshot)
        return (snapshot, try FactValue.from(snapshot))
    }

    static func expectSameAsReference(_ data: Data, _ comment: Comment) throws {
        let (snapshot, facts) = try reference(data)
        let read = try SnapshotReader.read(data)
        #expect(read.snapshot == snapshot, comment)
        #expect(read.facts == facts, comment)
    }

    @Test func sampleSnapshotsReadAsJSONDecoderReadsThem() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.samples.path).filter {
            $0.hasSuffix(".json")
        }
        #expect(names.count >= 2)
        for name in names {
            try Self.expectSameAsReference(try Data(contentsOf: Self.samples.appendingPathComponent(name)), "\(name)")
        }
    }

    @Test func encodedSnapshotIsCanonicalAndItsTreeIsTheFacts() throws {
        let data = try SnapshotCodec.encoder().encode(FactValueEncoderTests.richSnapshot())
        let tree = try FactJSONParser.parse(data)
        let (snapshot, canonical) = try FactValueDecoder().decode(HostSnapshot.self, from: tree)
        #expect(canonical)
        #expect(snapshot == FactValueEncoderTests.richSnapshot())
        try Self.expectSameAsReference(data, "rich snapshot")
    }

    /// Each of these makes the parsed tree differ from the encoded snapshot; the facts must still be the encoded ones.
    @Test func nonCanonicalSnapshotsGetTheEncodedFacts() throws {
        let base = try SnapshotCodec.encoder().encode(FactValueEncoderTests.richSnapshot())
        guard case .object(var top) = try FactJSONParser.parse(base) else { Issue.record("not an object"); return }
        var variants: [String: FactValue] = [:]
        var unknown = top
        unknown["from_a_newer_collector"] = .string("x")
        variants["unknown top-level member"] = .object(unknown)
        var nested = top
        nested["config"] = .object([
            "sshd": .object([
                "files": .array([]), "present": .bool(true),
                "entries": .object([
                    "port": .object(["value": .string("22"), "extra": .number(1)])
                ]), "blocks": .array([]),
            ])
        ])
        variants["unknown member in a config entry"] = .object(nested)
        var null = top
        null["updates"] = .null
        variants["explicit null"] = .object(null)
        var offset = top
        offset["collected_at"] = .string("2026-11-28T16:00:00+07:00")
        variants["date with an offset"] = .object(offset)
        top["antivirus"] = .object([
            "sources": .array([]), "products": .array([.object(["product": .string("clamav")])]),
        ])
        variants["antivirus product with defaults"] = .object(top)
        for (name, tree) in variants {
            let data = try JSONEncoder().encode(tree)
            try Self.expectSameAsReference(data, "\(name)")
        }
    }

    @Test func failuresSayWhatAndWhere() throws {
        func failure(_ text: String) -> SnapshotReader.Failure? {
            do {
                _ = try SnapshotReader.read(Data(text.utf8))
                return nil
            } catch {
                return error
            }
        }
        guard case .notJSON(let error) = failure("{\"schema_version\": 1,\n oops") else {
            Issue.record("not JSON")
            return
        }
        #expect(error.line == 2 && error.column == 2)
        guard case .noSchemaVersion = failure("{\"a\": 1}") else {
            Issue.record("no version")
            return
        }
        guard case .newerSchema("99") = failure("{\"schema_version\": 99}") else {
            Issue.record("newer")
            return
        }
        var tree = try FactJSONParser.parse(try SnapshotCodec.encoder().encode(FactValueEncoderTests.richSnapshot()))
        guard case .object(var top) = tree, case .object(var config) = top["config"],
            case .object(var sshd) = config["sshd"], case .object(var entries) = sshd["entries"]
        else {
            Issue.record("shape")
            return
        }
        entries["permitrootlogin"] = .object(["value": .string("no"), "line": .string("four")])
        sshd["entries"] = .object(entries)
        config["sshd"] = .object(sshd)
        top["config"] = .object(config)
        tree = .object(top)
        guard case .invalid(let invalid) = failure(String(decoding: try JSONEncoder().encode(tree), as: UTF8.self)),
            case DecodingError.typeMismatch(_, let context) = invalid
        else {
            Issue.record("type mismatch expected")
            return
        }
        #expect(context.codingPath.map(\.stringValue) == ["config", "sshd", "entries", "permitrootlogin", "line"])
        let missing = failure(#"{"schema_version": 1, "collected_at": "2026-11-28T09:00:00Z"}"#)
        guard case .invalid(DecodingError.keyNotFound(let key, _)) = missing else {
            Issue.record("missing key expected")
            return
        }
        #expect(key.stringValue == "scanner")
    }

    @Test func civilTimeMatchesFoundationBothWays() throws {
        let texts = [
            "1970-01-01T00:00:00Z", "2026-11-29T23:59:59Z", "2000-02-29T12:00:00Z", "1969-12-31T23:59:59Z",
            "1600-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2024-02-29", "2100-03-01",
        ]
        for text in texts {
            let full = text.count == 10 ? text + "T00:00:00Z" : text
            let foundation = try Date(full, strategy: .iso8601)
            #expect(CivilTime(iso8601: text)?.date == foundation, "\(text)")
            #expect(CivilTime(foundation)?.iso8601 == full, "\(text)")
        }
        for text in [
            "1582-10-15T00:00:00Z", "2023-02-29", "2026-13-01", "2026-11-29T24:00:00Z", "2026-11-29T10:00:00+07:00",
            " 2026-11-29",
        ] {
            #expect(CivilTime(iso8601: text) == nil, "\(text)")
        }
        #expect(CapdoDate.parse("2026-11-29T10:00:00+07:00") == CapdoDate.parse("2026-11-29T03:00:00Z"))
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let date = Date(
                timeIntervalSince1970: Double(Int64.random(in: -2_000_000_000...8_000_000_000, using: &random)))
            let foundation = date.formatted(
                .iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false)
                    .timeSeparator(.colon).timeZone(separator: .omitted)
            ).replacingOccurrences(of: "+0000", with: "Z")
            #expect(CapdoDate.iso8601(date) == foundation)
            #expect(CapdoDate.parse(foundation) == date)
        }
    }

    /// A version beyond `Int`'s range is "newer", not a trap of `Int(_: Double)` (exit 132 before).
    @Test(arguments: ["1e19", "1e300", "9223372036854775808", "1.7e308"])
    func hugeSchemaVersionIsNewerNotATrap(_ version: String) throws {
        do {
            _ = try SnapshotReader.read(Data("{\"schema_version\": \(version)}".utf8))
            Issue.record("read a snapshot of schema_version \(version)")
        } catch {
            guard case .newerSchema(let shown) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(!shown.isEmpty)
        }
    }

    @Test(arguments: [("1e19", nil), ("22", 22), ("22.5", nil), ("-1e300", nil), ("\"443\"", 443)] as [(String, Int?)])
    func integerValueRefusesWhatIntCannotHold(_ text: String, _ expected: Int?) throws {
        #expect(try FactJSONParser.parse(Data(text.utf8)).integerValue == expected)
    }
}
