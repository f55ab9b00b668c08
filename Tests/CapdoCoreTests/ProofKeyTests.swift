import Testing

@testable import CapdoCore

/// `ProofKey` groups reasons and evidence by the bytes of their texts: equal proofs are one key, any changed field
/// makes another, and texts equal only after Unicode normalisation stay apart (less sharing, never a wrong merge).
@Suite struct ProofKeyTests {
    static func evidence(found: String = "tiepnhan", text: String = "1 tài khoản có mật khẩu rỗng") -> Evidence {
        Evidence(
            subject: "accounts where password = empty", expected: "= 0", found: found, location: "etc/shadow:31",
            outcome: .fail, text: LocalizedText(vi: text, en: "1 account with an empty password"),
            alternative: EvidenceAlternative(group: 0, option: 1, outcome: .fail, decided: true))
    }

    @Test func equalProofsAreOneKey() {
        let a = ProofKey(reason: LocalizedText(vi: "chưa thu thập", en: "not collected"), evidence: [Self.evidence()])
        let b = ProofKey(reason: LocalizedText(vi: "chưa thu thập", en: "not collected"), evidence: [Self.evidence()])
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
    }

    @Test func anyChangedFieldIsAnotherKey() {
        let base = ProofKey(reason: nil, evidence: [Self.evidence()])
        var moved = Self.evidence()
        moved.location = "etc/shadow:32"
        var decided = Self.evidence()
        decided.alternative?.decided = false
        let others = [
            ProofKey(reason: nil, evidence: [Self.evidence(found: "ketoan")]),
            ProofKey(reason: nil, evidence: [Self.evidence(text: "2 tài khoản có mật khẩu rỗng")]),
            ProofKey(reason: nil, evidence: [moved]), ProofKey(reason: nil, evidence: [decided]),
            ProofKey(reason: LocalizedText(""), evidence: [Self.evidence()]),
            ProofKey(reason: nil, evidence: [Self.evidence(), Self.evidence()]), ProofKey(reason: nil, evidence: []),
        ]
        for other in others { #expect(other != base) }
        #expect(Set(others + [base]).count == others.count + 1)
    }

    /// "ế" precomposed (NFC) and as e + circumflex + acute (NFD): equal as Swift strings, different keys.
    @Test func normalisedFormsStayApart() {
        let composed = "Ti\u{1EBF}ng Vi\u{1EC7}t"
        let decomposed = "Tie\u{0302}\u{0301}ng Vie\u{0323}\u{0302}t"
        #expect(composed == decomposed)
        let a = ProofKey(reason: nil, evidence: [Self.evidence(found: composed)])
        let b = ProofKey(reason: nil, evidence: [Self.evidence(found: decomposed)])
        #expect(a != b)
    }
}
