import CapdoCore
import Foundation
import Testing

@testable import CapdoReport

/// The Markdown and HTML reports of the fixture scan, compared byte for byte in both languages.
@Suite("Golden reports")
struct GoldenReportTests {
    static let cases: [(format: String, language: Language)] = [
        ("md", .vi), ("md", .en), ("html", .vi), ("html", .en),
    ]

    @Test(arguments: cases)
    func matchesGoldenFile(format: String, language: Language) throws {
        let reporter = try #require(Reporters.reporter(for: format))
        let text = reporter.render(ReportFixture.scan(), language: language)
        try GoldenFile.check(text, "scan.\(language.rawValue).\(reporter.fileExtension)")
    }

    @Test(arguments: Language.allCases)
    func jsonMatchesGoldenStructurally(language: Language) throws {
        let text = JSONReporter().render(ReportFixture.scan(), language: language)
        if GoldenFile.updating {
            try GoldenFile.check(text, "scan.json")
            return
        }
        let golden = try Data(contentsOf: GoldenFile.url("scan.json"))
        let expected = try JSONSerialization.jsonObject(with: golden) as? NSDictionary
        let actual = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary
        #expect(actual != nil)
        #expect(actual == expected)
    }
}
