import CapdoCore
import Synchronization

/// One copy of each distinct evidence list and reason per rule, shared by every host that has it.
///
/// Most hosts of a fleet get the same evidence from most rules; each host's findings would otherwise hold their own
/// copy of the same texts until the report is written. `FleetEvaluation` passes every judged host through the pool,
/// so the findings held keep references to the shared copies (same values, less memory).
final class EvidencePool: Sendable {
    /// One rule's distinct proofs behind their own lock, so that hosts judged at once rarely wait for each other.
    private final class RulePool: Sendable {
        let proofs = Mutex<Set<ProofKey>>([])
    }

    private let positions: [String: Int]
    private let pools: [RulePool]

    /// A pool per rule of `ruleIDs`; findings of other rules are left as they are.
    init(ruleIDs: [String]) {
        positions = Dictionary(ruleIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        pools = ruleIDs.map { _ in RulePool() }
    }

    /// `findings` with their evidence and reason replaced by the pool's copies of equal values.
    func share(_ findings: inout [Finding]) {
        for index in findings.indices {
            guard let position = positions[findings[index].ruleID] else { continue }
            // The key's hash is taken here, before the lock (`ProofKey` hashes the texts' bytes once).
            let proof = ProofKey(reason: findings[index].reason, evidence: findings[index].evidence)
            let shared = pools[position].proofs.withLock { $0.insert(proof).memberAfterInsert }
            findings[index].reason = shared.reason
            findings[index].evidence = shared.evidence
        }
    }
}
