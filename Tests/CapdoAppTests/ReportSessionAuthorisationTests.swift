import CapdoCore
import Testing

@testable import CapdoApp

/// `--authorisation` names the LAN authorisation in the Police report, over capdo.yaml's.
@Suite("Report session: LAN authorisation")
struct ReportSessionAuthorisationTests {
    @Test func theOptionWinsOverTheConfiguration() throws {
        let without = try ReportSession(config: nil, report: ReportChoice())
        #expect(without.organisation.particulars?.lanAuthorisation == nil)
        let with = try ReportSession(config: nil, report: ReportChoice(authorisation: "Công văn số 34/UBND"))
        #expect(with.organisation.particulars?.lanAuthorisation == "Công văn số 34/UBND")
    }
}
