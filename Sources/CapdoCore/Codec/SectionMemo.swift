import Foundation
import Synchronization

/// The sections of snapshots already decoded, by their bytes: a fleet's snapshots mostly hold the same packages,
/// updates and accounts, and the same bytes always decode to the same value (`FactSpans`). `SnapshotReader` given a
/// memo decodes a top-level section only when no earlier snapshot had it byte for byte.
///
/// A section with more distinct values than `limit` is decoded afresh for the snapshots beyond them.
public final class SectionMemo: Sendable {
    /// One section's decoded values and whether each was canonical (`FactValueDecoder`).
    private final class Section: Sendable {
        let values = Mutex<[SpanKey: Decoded]>([:])
    }

    struct Decoded: @unchecked Sendable {
        // The decoded value of a `Sendable` snapshot member, stored type-erased (`Decodable` members only).
        var value: Any
        var isCanonical: Bool
    }

    /// Distinct values kept per section.
    static let limit = 64
    private let sections = Mutex<[String: Section]>([:])

    public init() {}

    private func section(_ name: String) -> Section {
        sections.withLock { known in
            if let section = known[name] { return section }
            let section = Section()
            known[name] = section
            return section
        }
    }

    /// The value decoded earlier from the same bytes of section `name`.
    func decoded(_ name: String, _ key: SpanKey) -> Decoded? {
        section(name).values.withLock { $0[key] }
    }

    /// Keeps `decoded` for these bytes of section `name`, while the section has fewer than `limit` values.
    func keep(_ decoded: Decoded, _ name: String, _ key: SpanKey) {
        section(name).values.withLock { known in
            if known.count < Self.limit, known[key] == nil { known[key] = decoded }
        }
    }
}
