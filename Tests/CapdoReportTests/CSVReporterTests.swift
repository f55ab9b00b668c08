import CapdoCore
import Foundation
import Testing

@testable import CapdoReport

/// The CSV report, read back with Python's `csv` module (an independent RFC 4180 reader).
@Suite("CSV reporter")
struct CSVReporterTests {
    /// Reads CSV from the file in argv[1] and prints the rows as JSON.
    static let reader = """
        import csv, json, sys
        with open(sys.argv[1], newline="", encoding="utf-8") as f:
            print(json.dumps(list(csv.reader(f, strict=True))))
        """

    static func parse(_ csv: String) throws -> [[String]] {
        let run = try Python.run(reader, files: [csv])
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String]])
    }

    /// No line break outside quotes, every record ends with CRLF, and no cell starts like a formula.
    static func checkInert(_ csv: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(csv.hasSuffix("\r\n"), sourceLocation: sourceLocation)
        var quoted = false
        var atFieldStart = true
        var previous: Character = "\n"
        for character in csv {
            if character == "\"" {
                quoted.toggle()
            } else if !quoted {
                if character == "\n" || character == "\r\n" {
                    #expect(character == "\r\n", "bare LF outside quotes", sourceLocation: sourceLocation)
                } else if character == "\r" {
                    Issue.record("bare CR outside quotes", sourceLocation: sourceLocation)
                }
                if atFieldStart && previous != "\"" && ["=", "+", "-", "@"].contains(character) {
                    Issue.record("cell starts with formula prefix '\(character)'", sourceLocation: sourceLocation)
                }
            }
            atFieldStart = !quoted && (character == "," || character == "\r\n")
            if quoted && previous == "," && character == "\"" { atFieldStart = true }
            previous = character
        }
        #expect(!quoted, "unterminated quote", sourceLocation: sourceLocation)
    }

    @Test func headerAndLineEnds() {
        let csv = CSVReporter().render(ReportFixture.scan(), language: .vi)
        #expect(
            csv.hasPrefix(
                "host,rule_id,tt12,tcvn11930,group,severity,status,title_vi,title_en,expected,found,location,"
                    + "remediation_en\r\n"))
        Self.checkInert(csv)
    }

    @Test(.enabled(if: Python.path != nil, "python3 is not installed: CSV round trip skipped"))
    func roundTripsThroughPythonCSV() throws {
        let scan = ReportFixture.scan()
        let rows = try Self.parse(CSVReporter().render(scan, language: .vi))
        #expect(rows.first == CSVReporter.columns)
        let findings = scan.allFindings
        #expect(rows.count == findings.count + 1)
        for (row, finding) in zip(rows.dropFirst(), findings) {
            let expected = CSVReporter.cells(finding).map { cell -> String in
                CSVEscaper.neutralised(HostileText.sanitize(cell))
            }
            #expect(row == expected)
            #expect(row[0] == finding.host && row[1] == finding.ruleID && row[6] == finding.status.rawValue)
        }
    }

    @Test(
        .enabled(if: Python.path != nil, "python3 is not installed: CSV hostile round trip skipped"),
        arguments: ReportFixture.hostileInputs + ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2", "@SUM(A1)"])
    func hostileInputsComeOutInert(input: String) throws {
        let csv = CSVReporter().render(ReportFixture.hostileScan(input), language: .en)
        Self.checkInert(csv)
        let rows = try Self.parse(csv)
        #expect(rows.allSatisfy { $0.count == CSVReporter.columns.count })
        for row in rows {
            for cell in row { #expect(!["=", "+", "-", "@"].contains(cell.first ?? " "), "live formula: \(cell)") }
        }
        // The second host is named after the input: its rows carry it, sanitised and neutralised, intact.
        let host = CSVEscaper.neutralised(HostileText.sanitize(input))
        #expect(rows.dropFirst().contains { $0[0] == host }, "host cell \(host) not found")
    }

    @Test func escaperQuotesAndNeutralises() {
        #expect(CSVEscaper.field("plain") == "plain")
        #expect(CSVEscaper.field("a,b") == "\"a,b\"")
        #expect(CSVEscaper.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVEscaper.field("l1\nl2") == "\"l1\nl2\"")
        #expect(CSVEscaper.field("=1+1") == "'=1+1")
        #expect(CSVEscaper.field("@x,y") == "\"'@x,y\"")
    }
}
