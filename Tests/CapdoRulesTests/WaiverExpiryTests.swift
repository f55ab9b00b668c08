import CapdoCore
import Foundation
import Testing

@testable import CapdoRules

/// A waiver's date means the end of that day where it was signed, and is printed back as written.
@Suite("Waiver expiry")
struct WaiverExpiryTests {
    /// The bug: a waiver written to expire 2026-09-30 was printed "hết hạn ngày 2026-10-01".
    @Test func dateMeansTheEndOfThatDayInVietNam() throws {
        let text = "waivers:\n  - rule: srv.x.y\n    justification: J\n    approved_by: A\n    expires: 2026-09-30\n"
        let waiver = try #require(try WaiverLoader.load(text: text, file: "waivers.yaml").first)
        let lastSecond = try #require(CapdoDate.parse("2026-09-30T16:59:59Z"))  // 23:59:59 in Viet Nam
        #expect(!waiver.isExpired(at: lastSecond))
        #expect(waiver.isExpired(at: lastSecond.addingTimeInterval(1)))
        #expect(waiver.expires == lastSecond)
    }
}
