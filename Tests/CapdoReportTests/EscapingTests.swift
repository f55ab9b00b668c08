import CapdoCore
import Foundation
import Testing

@testable import CapdoReport

/// Hostile host-derived strings come out inert in every format.
@Suite("Escaping of host-derived text")
struct EscapingTests {
    static let cases: [(format: String, input: String)] = Reporters.formats.flatMap { format in
        ReportFixture.hostileInputs.map { (format, $0) }
    }

    @Test(arguments: cases)
    func hostileInputIsInert(format: String, input: String) throws {
        let reporter = try #require(Reporters.reporter(for: format))
        for language in Language.allCases {
            let text = reporter.render(ReportFixture.hostileScan(input), language: language)
            if !format.hasSuffix("csv") {
                // CSV is never rendered as markup; its own checks are below.
                #expect(!text.localizedCaseInsensitiveContains("<script"), "raw <script in \(format)")
                #expect(!text.localizedCaseInsensitiveContains("<img"), "raw <img in \(format)")
            }
            switch format {
            case "md", "fixes-md", "police-md":
                #expect(!text.contains("](javascript:"), "live Markdown link in md")
                #expect(!text.contains("<"), "raw '<' in md")
                checkTables(text)
                checkNoInjectedHeading(text)
            case "html", "fixes-html", "police-html":
                checkOnlyKnownTags(text)
                // The only links are the table of contents' own anchors.
                let links = text.components(separatedBy: "href=").dropFirst()
                #expect(links.allSatisfy { $0.hasPrefix("\"#") }, "links in html")
            case "sarif":
                #expect(
                    (try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil, "sarif is not valid JSON")
            case "junit":
                #expect(!text.contains("<a"), "injected element in junit")
                #expect(JUnitCounts.parse(text) != nil, "junit is not well-formed XML")
            case "csv", "fixes-csv":
                CSVReporterTests.checkInert(text)
            case "fleet-json":
                let document = try JSONSerialization.jsonObject(with: Data(text.utf8))
                func strings(_ value: Any) -> [String] {
                    if let text = value as? String { return [text] }
                    if let array = value as? [Any] { return array.flatMap(strings) }
                    if let object = value as? [String: Any] { return object.values.flatMap(strings) }
                    return []
                }
                #expect(strings(document).contains { $0.contains(input) }, "fleet-json lost the hostile value")
            default:
                let data = Data(text.utf8)
                let decoded = try SnapshotCodec.decoder().decode(ScanResult.self, from: data)
                #expect(decoded == ReportFixture.hostileScan(input), "json does not round-trip the hostile value")
            }
        }
    }

    @Test func markdownEscaperNeutralisesControlsAndNewlines() {
        #expect(MarkdownEscaper.escape("a|b") == "a\\|b")
        #expect(MarkdownEscaper.escape("x\ny") == "x ↵ y")
        #expect(
            MarkdownEscaper.escape("`code` *b* _i_ #h [l](u) ~s~ !x \\")
                == "\\`code\\` \\*b\\* \\_i\\_ \\#h \\[l\\]\\(u\\) \\~s\\~ \\!x \\\\")
        #expect(MarkdownEscaper.escape("<a & b>") == "&lt;a &amp; b&gt;")
    }

    @Test func htmlEscaperEscapesAllFiveCharacters() {
        #expect(HTMLEscaper.escape("& < > \" '") == "&amp; &lt; &gt; &quot; &#39;")
    }

    @Test func controlAndBidiCharactersAreMadeVisible() {
        #expect(HostileText.sanitize("a\u{1B}[31mb") == "a\u{FFFD}[31mb")
        #expect(HostileText.sanitize("evil\u{202E}gpj.exe") == "evil<U+202E>gpj.exe")
        #expect(HTMLEscaper.escape("x\u{202E}") == "x&lt;U+202E&gt;")
    }

    @Test func terminalSummaryDropsEscapeSequences() {
        var scan = ReportFixture.scan()
        scan.hosts[1].findings = scan.hosts[1].findings.map { finding in
            var finding = finding
            finding.host = "pc\u{1B}]0;owned\u{07}\u{1B}[2J"
            return finding
        }
        let text = TerminalSummary(colour: false).render(scan, reportPaths: ["Reports/a\u{1B}[1m.html"])
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\u{07}"))
    }
}

private extension EscapingTests {
    /// Every GFM table keeps its column count: no value adds or removes an unescaped `|`.
    func checkTables(_ markdown: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var expected: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                expected = nil
                continue
            }
            let pipes = unescapedPipes(line)
            if let expected {
                #expect(pipes == expected, "row breaks its table: \(line)", sourceLocation: sourceLocation)
            } else {
                expected = pipes
            }
        }
    }

    func unescapedPipes(_ line: Substring) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                count += 1
            }
        }
        return count
    }

    /// A newline in a value never starts a new line, so it cannot open a heading, a row or a paragraph.
    func checkNoInjectedHeading(_ markdown: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for line in markdown.split(separator: "\n") {
            for start in ["# tiêu đề", "dòng hai", "| x | y |"] {
                #expect(!line.hasPrefix(start), "hostile text starts a line: \(line)", sourceLocation: sourceLocation)
            }
        }
    }

    /// The HTML holds only the tags the renderer writes itself.
    func checkOnlyKnownTags(_ html: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let known: Set<String> = [
            "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "div", "p", "h1", "h2", "h3", "h4",
            "table", "thead", "tbody", "tr", "th", "td", "span", "br", "section", "ul", "ol", "li", "strong", "em",
            "article", "svg", "line", "text", "rect", "footer", "colgroup", "col", "wbr", "nav", "a",
        ]
        var index = html.startIndex
        while let open = html[index...].firstIndex(of: "<") {
            let rest = html[html.index(after: open)...]
            let name = rest.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber || $0 == "!" }
            #expect(known.contains(String(name)), "unexpected tag <\(name)", sourceLocation: sourceLocation)
            index = html.index(after: open)
        }
    }
}
