import Foundation

/// A finding's reason and evidence as a set or dictionary key, hashed and compared by the bytes of their texts.
///
/// `String`'s own hashing and comparison work on the canonical (NFC) form, which for Vietnamese text means
/// normalising every string each time: most of the cost of sharing a fleet's evidence between hosts
/// (`EvidencePool`) and of grouping it into outcomes (the compact fleet JSON). Texts that are equal only after
/// normalisation count as different here, which costs some sharing, never a wrong merge.
public struct ProofKey: Hashable, Sendable {
    public let reason: LocalizedText?
    public let evidence: [Evidence]
    private let digest: Int

    public init(reason: LocalizedText?, evidence: [Evidence]) {
        self.reason = reason
        self.evidence = evidence
        var hasher = Hasher()
        Self.combine(reason, into: &hasher)
        hasher.combine(evidence.count)
        for item in evidence {
            Self.combine(item.subject, into: &hasher)
            Self.combine(item.expected, into: &hasher)
            Self.combine(item.found, into: &hasher)
            Self.combine(item.location, into: &hasher)
            hasher.combine(item.outcome)
            Self.combine(item.text, into: &hasher)
            hasher.combine(item.alternative)
        }
        digest = hasher.finalize()
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(digest) }

    public static func == (lhs: ProofKey, rhs: ProofKey) -> Bool {
        guard lhs.digest == rhs.digest, same(lhs.reason, rhs.reason), lhs.evidence.count == rhs.evidence.count
        else { return false }
        return zip(lhs.evidence, rhs.evidence).allSatisfy { a, b in
            same(a.subject, b.subject) && same(a.expected, b.expected) && same(a.found, b.found)
                && same(a.location, b.location) && a.outcome == b.outcome && same(a.text, b.text)
                && a.alternative == b.alternative
        }
    }
}

extension ProofKey {
    static func combine(_ text: String?, into hasher: inout Hasher) {
        guard var text else { return hasher.combine(0 as UInt8) }
        hasher.combine(1 as UInt8)
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(text.utf8.count)
    }

    static func combine(_ text: LocalizedText?, into hasher: inout Hasher) {
        combine(text?.vi, into: &hasher)
        combine(text?.en, into: &hasher)
    }

    static func same(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (var a?, var b?):
            guard a.utf8.count == b.utf8.count else { return false }
            return a.withUTF8 { x in
                b.withUTF8 { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
            }
        default: return false
        }
    }

    /// The same texts byte for byte (both nil, or both languages' UTF-8 equal).
    public static func same(_ a: LocalizedText?, _ b: LocalizedText?) -> Bool {
        same(a?.vi, b?.vi) && same(a?.en, b?.en)
    }
}
