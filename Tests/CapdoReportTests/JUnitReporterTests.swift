import CapdoCore
import Foundation
import Testing

@testable import CapdoReport

/// The JUnit XML report, parsed back with FoundationXML.
@Suite("JUnit reporter")
struct JUnitReporterTests {
    @Test(arguments: Language.allCases)
    func countsMatchTheFindings(language: Language) throws {
        let scan = ReportFixture.scan()
        let xml = JUnitReporter().render(scan, language: language)
        let parsed = try #require(JUnitCounts.parse(xml), "not well-formed:\n\(xml)")
        let findings = scan.allFindings
        func expected(_ findings: [Finding]) -> [String: Int] {
            [
                "tests": findings.count, "failures": findings.filter { $0.status == .fail }.count,
                "errors": findings.filter { $0.status == .error }.count,
                "skipped": findings.filter { [.notApplicable, .manual, .waived].contains($0.status) }.count,
            ]
        }
        #expect(parsed.rootAttributes == expected(findings))
        #expect(parsed.suites.map(\.name) == scan.hosts.map(\.host).sorted())
        for suite in parsed.suites {
            let own = findings.filter { $0.host == suite.name }
            let counts = expected(own)
            #expect(suite.attributes == counts)
            #expect(suite.testcases == counts["tests"])
            #expect(suite.failures == counts["failures"])
            #expect(suite.errors == counts["errors"])
            #expect(suite.skipped == counts["skipped"])
            #expect(suite.cases == own.map { "\($0.group.rawValue).\($0.requirement.item) \($0.ruleID)" })
        }
        #expect((parsed.rootAttributes["failures"] ?? 0) > 0 && (parsed.rootAttributes["skipped"] ?? 0) > 0)
    }

    @Test(arguments: ReportFixture.hostileInputs + ["bell\u{07} nul\u{00} esc\u{1B}[31m 'q' \"d\" & <x>"])
    func hostileTextStaysWellFormed(input: String) throws {
        let xml = JUnitReporter().render(ReportFixture.hostileScan(input), language: .vi)
        let parsed = try #require(JUnitCounts.parse(xml), "not well-formed")
        #expect(parsed.suites.count == 2)
        #expect(parsed.rootAttributes["tests"] == ReportFixture.scan().allFindings.count)
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func escaperHandlesEveryReservedCharacter() {
        #expect(XMLEscaper.escape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&apos;f")
        #expect(XMLEscaper.escape("x\u{00}y\u{1B}z\u{85}") == "xyz")
        #expect(XMLEscaper.escape("l1\nl2", attribute: true) == "l1&#10;l2")
        #expect(XMLEscaper.escape("l1\nl2") == "l1\nl2")
    }
}
