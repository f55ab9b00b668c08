import CapdoCore
import Synchronization

/// One copy of each distinct evidence list and reason per rule, shared by every host that has it.
///
/// Most hosts of a fleet get the same evidence from most rules; each host's findings would otherwise hold their own
/// copy of the same texts until the report is written. `FleetEvaluation` passes every finding judged afresh through the
/// pool (the engine's `RuleMemo` shares the others), so the findings held keep references to the shared copies
/// (same values, less memory).
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

    /// `finding` with its evidence and reason replaced by the pool's copies of equal values.
    func share(_ finding: inout Finding) {
        guard let position = positions[finding.ruleID] else { return }
        // The key's hash is taken here, before the lock (`ProofKey` hashes the texts' bytes once).
        let proof = ProofKey(reason: finding.reason, evidence: finding.evidence)
        let shared = pools[position].proofs.withLock { $0.insert(proof).memberAfterInsert }
        finding.reason = shared.reason
        finding.evidence = shared.evidence
    }
}
