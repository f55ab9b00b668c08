import Testing

@testable import CapdoCore

/// Only `capdo evaluate` restarts with the larger allocator cache, and never over the user's own setting.
@Suite("Allocator tuning")
struct AllocatorTuningTests {
    @Test func onlyEvaluateWithoutTheVariableRestarts() {
        #expect(AllocatorTuning.isWorthwhile(["capdo", "evaluate", "a.json"], current: nil))
        #expect(!AllocatorTuning.isWorthwhile(["capdo", "evaluate", "a.json"], current: "glibc.malloc.arena_max=2"))
        #expect(!AllocatorTuning.isWorthwhile(["capdo", "scan"], current: nil))
        #expect(!AllocatorTuning.isWorthwhile(["capdo"], current: nil))
        #expect(!AllocatorTuning.isWorthwhile(["capdo", "rules", "evaluate"], current: nil))
    }
}
