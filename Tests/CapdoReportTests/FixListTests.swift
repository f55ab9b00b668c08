import CapdoCore
import Foundation
import Testing

@testable import CapdoReport

/// The fix list: one row per finding needing action per host, the fix for that host's OS, blank owner and deadline.
@Suite("Fix list")
struct FixListTests {
    @Test func oneRowPerFindingNeedingActionPerHost() throws {
        let scan = ReportFixture.scan()
        let rows = FixList(ReportModel(scan, language: .vi)).rows
        let expected = scan.hosts.flatMap { host in host.findings.filter { $0.status.needsAction } }
        #expect(rows.count == expected.count)
        #expect(Set(rows.map { "\($0.host) \($0.finding.ruleID)" }).count == rows.count)
        let csv = FixListCSVReporter().render(scan, language: .vi)
        let lines = csv.split(separator: "\r\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        #expect(lines.first == Substring(FixListCSVReporter.columns.joined(separator: ",")))
        CSVReporterTests.checkInert(csv)
        // Python's csv module reads the same rows, each ending with the empty owner and deadline cells.
        if Python.path != nil {
            let read = try Python.run(
                "import csv,sys\nrows=list(csv.reader(open(sys.argv[1],newline='')))\n"
                    + "print(len(rows)-1, all(r[-2:]==['',''] for r in rows[1:]))", files: [csv])
            #expect(read.stdout == "\(rows.count) True\n", "\(read.stderr)")
        }
    }

    @Test func printableFixListHasWideBlankOwnerAndDeadlineColumns() throws {
        let html = FixListHTMLReporter().render(ReportFixture.scan(), language: .vi)
        #expect(html.contains("KẾ HOẠCH KHẮC PHỤC"))
        #expect(html.contains("Số: …… /KH-"))
        #expect(html.contains("<td class=\"hand\"></td><td class=\"hand\"></td>"))
        // 15 % and 11 % of the A4 text width (about 26 mm and 19 mm), not the 8 mm of the old plan table.
        #expect(html.contains("<col style=\"width: 15%\"><col style=\"width: 11%\">"))
        #expect(html.contains("<th>STT</th>") || html.contains("<th class=\"num\">STT</th>"))
    }

    /// A rule written for both systems gives each host only its own commands.
    @Test(
        arguments: [
            ("Debian GNU/Linux 12 (bookworm)", "'apt install clamav-daemon'."),
            ("Microsoft Windows 11 Pro", "bật Defender (Set-MpPreference)."),
            (nil, "Windows: bật Defender (Set-MpPreference). Linux: 'apt install clamav-daemon'."),
        ] as [(String?, String)])
    func remediationIsNarrowedToTheHostsOS(os: String?, expected: String) {
        let text = "Windows: bật Defender (Set-MpPreference). Linux: 'apt install clamav-daemon'."
        #expect(RemediationText.forHost(text, os: os) == expected)
    }

    @Test func undividedRemediationIsKept() {
        #expect(
            RemediationText.forHost("Set PermitRootLogin no.", os: "Debian GNU/Linux 12") == "Set PermitRootLogin no.")
    }
}

/// The Police LAN and TLS report: only for results with LAN or TLS facts, and without host thresholds.
@Suite("Police LAN report")
struct PoliceReportTests {
    @Test func writtenOnlyWithLanOrTLSFacts() {
        var scan = ReportFixture.scan()
        for index in scan.hosts.indices {
            scan.hosts[index].lan = nil
            scan.hosts[index].tls = nil
        }
        #expect(!PoliceHTMLReporter().writes(scan))
        scan.hosts[0].lan = LanFacts(segment: "interface:eth1", mode: "interface")
        #expect(PoliceHTMLReporter().writes(scan))
        let md = PoliceMarkdownReporter().render(scan, language: .vi)
        #expect(md.contains("giao diện mạng eth1"))
        #expect(md.contains("Giả định vùng mạng"))
        #expect(!md.contains("Ngưỡng áp dụng"), "host thresholds in the Police report")
        #expect(!md.contains("Miễn trừ đang có hiệu lực"), "waivers in the Police report")
    }

    @Test func tlsTableNamesSelfSignedCertificatesAndUntestableSuites() throws {
        var scan = ReportFixture.scan()
        let selfSigned = CertificateFact(
            name: "portal.lechan.example", sourceKind: "endpoint", source: "portal:443", subject: "CN=portal",
            issuer: "CN=portal", sans: ["portal.lechan.example"], serial: "01", notBefore: scan.finishedAt,
            notAfter: scan.finishedAt.addingTimeInterval(86_400 * 365), daysLeft: 365, keyType: "rsa", keyBits: 2048,
            signatureAlgorithm: "sha256WithRSAEncryption", signatureHash: "sha256", selfSigned: true, isCA: false,
            sha256: "00")
        scan.hosts[0].tls = TLSFacts(
            endpoints: [
                TLSEndpoint(
                    name: "portal:443", host: "portal", port: 443, acceptedProtocols: ["tls1_2", "tls1_3"],
                    weakSuitesUntestable: ["rc4"], chain: [selfSigned])
            ], limitations: ["rc4: no RC4 suites"], library: "OpenSSL 3.0")
        let html = PoliceHTMLReporter().render(scan, language: .en)
        #expect(html.contains("self-signed"))
        #expect(html.contains("rc4"))
        #expect(html.contains("accepted"))
    }
}
