import CapdoCore
import Synchronization

/// One copy of each distinct evidence list and reason per rule, shared by every host that has it.
///
/// Most hosts of a fleet get the same evidence from most rules; each host's findings would otherwise hold their own
/// copy of the same texts until the report is written. `FleetEvaluation` passes every judged host through the pool,
/// so the findings held keep references to the shared copies (same values, less memory).
final class EvidencePool: Sendable {
    /// What of a finding is pooled.
    private struct Proof: Hashable {
        var reason: LocalizedText?
        var evidence: [Evidence]
    }

    private let positions: [String: Int]
    /// Per rule, its distinct proofs. One lock: inserting is brief next to judging a host.
    private let pools: Mutex<[Set<Proof>]>

    /// A pool per rule of `ruleIDs`; findings of other rules are left as they are.
    init(ruleIDs: [String]) {
        positions = Dictionary(ruleIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        pools = Mutex(Array(repeating: [], count: ruleIDs.count))
    }

    /// `findings` with their evidence and reason replaced by the pool's copies of equal values.
    func share(_ findings: inout [Finding]) {
        for index in findings.indices {
            guard let position = positions[findings[index].ruleID] else { continue }
            let proof = Proof(reason: findings[index].reason, evidence: findings[index].evidence)
            let shared = pools.withLock { $0[position].insert(proof).memberAfterInsert }
            findings[index].reason = shared.reason
            findings[index].evidence = shared.evidence
        }
    }
}
