import CapdoCore
import Testing

@testable import CapdoReport

/// Same input, same bytes: rendering twice, and rendering with hosts, findings and waivers shuffled.
@Suite("Determinism")
struct DeterminismTests {
    static let cases: [(format: String, language: Language)] = Reporters.formats.flatMap { format in
        Language.allCases.map { (format, $0) }
    }

    @Test(arguments: cases)
    func renderingTwiceGivesIdenticalOutput(format: String, language: Language) throws {
        let reporter = try #require(Reporters.reporter(for: format))
        let scan = ReportFixture.scan()
        #expect(reporter.render(scan, language: language) == reporter.render(scan, language: language))
    }

    @Test(arguments: ["md", "html", "sarif", "junit", "csv"])
    func inputOrderDoesNotChangeTheReport(format: String) throws {
        let reporter = try #require(Reporters.reporter(for: format))
        let scan = ReportFixture.scan()
        var shuffled = scan
        shuffled.hosts.reverse()
        for index in shuffled.hosts.indices { shuffled.hosts[index].findings.reverse() }
        shuffled.waivers.reverse()
        #expect(reporter.render(shuffled, language: .vi) == reporter.render(scan, language: .vi))
    }
}
