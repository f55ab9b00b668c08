import CapdoCore
import Testing

/// An item's verdict from its findings, and the conclusion over the items.
@Suite("Item verdicts")
struct ItemVerdictTests {
    /// The bug: item I.1.1.1 said "Cần xác nhận thủ công" although its attestation rule passed.
    @Test func passedAttestationMeetsAManualItem() {
        #expect(ItemVerdict.from(statuses: [.pass], coverage: .manual) == .met)
        #expect(ItemVerdict.from(statuses: [.manual], coverage: .manual) == .manual)
        #expect(ItemVerdict.from(statuses: [], coverage: .manual) == .manual)
    }

    @Test(
        arguments: [
            ([FindingStatus.pass, .pass], ControlItem.Coverage.automated, ItemVerdict.met),
            ([.pass, .waived], .automated, .met),
            ([.pass], .partial, .partlyMet),
            ([.fail], .automated, .notMet),
            ([.fail, .pass], .automated, .partlyMet),
            ([.pass, .warn], .automated, .partlyMet),
            ([.pass, .error], .automated, .partlyMet),
            ([.pass, .manual], .automated, .manual),
            ([.pass, .notAssessed], .automated, .partlyMet),
            ([.notAssessed], .automated, .notAssessed),
            ([.notApplicable, .notApplicable], .automated, .notApplicable),
            ([.notApplicable, .pass], .automated, .met),
            ([], .automated, .notAssessed),
        ])
    func verdictFollowsTheFindings(statuses: [FindingStatus], coverage: ControlItem.Coverage, verdict: ItemVerdict) {
        #expect(ItemVerdict.from(statuses: statuses, coverage: coverage) == verdict)
    }

    @Test func onlySettledItemsConclude() {
        #expect(ItemVerdict.met.isSettled && ItemVerdict.notApplicable.isSettled)
        for verdict in [ItemVerdict.partlyMet, .notMet, .manual, .notAssessed] { #expect(!verdict.isSettled) }
    }
}
