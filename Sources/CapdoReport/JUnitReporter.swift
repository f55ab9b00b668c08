import CapdoCore

/// The findings as JUnit XML, for CI systems that show test results (Jenkins, GitLab, GitHub Actions).
///
/// One `<testsuite>` per host (sorted), one `<testcase classname="<group>.<item>" name="<rule id>">` per finding:
/// `fail` carries a `<failure>` with the evidence, `error` an `<error>`, not applicable / manual / waived a
/// `<skipped>`; `pass` and `warn` are passing test cases (a warning is told in `<system-out>`, as it does not
/// change the exit code either). Suites and the root carry `tests`, `failures`, `errors` and `skipped` counts.
public struct JUnitReporter: Reporter {
    public let format = "junit"
    public let fileExtension = "xml"

    public init() {}

    public func render(_ result: ScanResult, language: Language) -> String {
        let strings = ReportStrings(language)
        let findings = result.allFindings
        let hosts = Array(Set(result.hosts.map(\.host))).sorted()
        let timestamp = CapdoDate.iso8601(result.finishedAt)
        var suites = ""
        for host in hosts {
            let own = findings.filter { $0.host == host }
            suites += "  <testsuite name=\"\(a(host))\"\(counts(own)) timestamp=\"\(timestamp)\">\n"
            for finding in own { suites += testcase(finding, strings: strings) }
            suites += "  </testsuite>\n"
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"\(a(result.scanner.name) + " " + a(result.scanner.version))\"\(counts(findings))>\n"
        return xml + suites + "</testsuites>\n"
    }
}

private extension JUnitReporter {
    func a(_ text: String) -> String { XMLEscaper.escape(text, attribute: true) }

    func t(_ text: String) -> String { XMLEscaper.escape(text) }

    func counts(_ findings: [Finding]) -> String {
        let failures = findings.filter { $0.status == .fail }.count
        let errors = findings.filter { $0.status == .error }.count
        let skipped = findings.filter { [.notApplicable, .notAssessed, .manual, .waived].contains($0.status) }.count
        return " tests=\"\(findings.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\""
    }

    func testcase(_ finding: Finding, strings: ReportStrings) -> String {
        let classname = "\(finding.group.rawValue).\(finding.requirement.item)"
        var xml = "    <testcase classname=\"\(a(classname))\" name=\"\(a(finding.ruleID))\""
        let summary = finding.title.text(strings.language)
        let message = finding.reason.map { summary + ": " + $0.text(strings.language) } ?? summary
        switch finding.status {
        case .pass:
            return xml + "/>\n"
        case .fail:
            xml += ">\n      <failure message=\"\(a(message))\" type=\"\(a(finding.severity.rawValue))\">"
            xml += t(details(finding, strings: strings)) + "</failure>\n"
        case .error:
            xml += ">\n      <error message=\"\(a(message))\" type=\"collection\">"
            xml += t(details(finding, strings: strings)) + "</error>\n"
        case .warn:
            xml += ">\n      <system-out>\(t(strings.status(.warn) + ": " + message))\n"
            xml += t(details(finding, strings: strings)) + "</system-out>\n"
        case .notApplicable, .notAssessed, .manual, .waived:
            xml += ">\n      <skipped message=\"\(a(strings.status(finding.status) + ": " + message))\"/>\n"
        }
        return xml + "    </testcase>\n"
    }

    /// The evidence as lines: subject, expected, found, where.
    func details(_ finding: Finding, strings: ReportStrings) -> String {
        var lines = [
            "\(strings[.fieldRequirement]): TT 12/2022 \(finding.requirement.tt12), "
                + "TCVN 11930:2017 \(finding.requirement.tcvn11930)"
        ]
        for item in finding.evidence {
            var line =
                "\(item.subject): \(strings[.columnExpected]) \(item.expected); "
                + "\(strings[.columnFound]) \(item.found)"
            if let location = item.location { line += " (\(location))" }
            lines.append(line)
        }
        lines.append("\(strings[.fieldRemediation]): \(finding.remediation.text(strings.language))")
        return lines.joined(separator: "\n")
    }
}
