import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("Defender Get-MpComputerStatus exports, Windows PowerShell 5.1 and PowerShell 7")
struct DefenderStatusParserTests {
    static func fixture(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/defender/\(name)", withExtension: nil))
        return try Data(contentsOf: url)
    }

    static func date(_ text: String) -> Date? { CapdoDate.parse(text) }

    @Test func powershell51Utf16WithBOM() throws {
        let data = try Self.fixture("ps51-utf16le.json")
        #expect(data.prefix(2) == Data([0xFF, 0xFE]))
        let text = try #require(TextDecoding.decode(data))
        let product = try DefenderStatusParser.parse(text, file: "etc/capdo/antivirus/mpstatus.json")
        #expect(product.product == "defender")
        #expect(product.enabled == true)
        #expect(product.realTime == true)
        #expect(product.tamperProtection == true)
        #expect(product.runningMode == "Normal")
        #expect(product.engineVersion == "1.1.24090.11")
        #expect(product.signatureVersion == "1.421.1032.0")
        #expect(product.signatureTime == Self.date("2026-11-27T23:50:16Z"))
        #expect(product.reportedSignatureAgeDays == 0)
        #expect(product.lastFullScan == Self.date("2026-11-23T01:00:00Z"))
        #expect(product.lastQuickScan == Self.date("2026-11-27T22:00:00Z"))
    }

    @Test func powershell7IsoDatesAndNever() throws {
        let text = try #require(TextDecoding.decode(try Self.fixture("ps7-utf8.json")))
        let product = try DefenderStatusParser.parse(text, file: "mp.json")
        #expect(product.enabled == true)
        #expect(product.realTime == false)
        #expect(product.tamperProtection == false)
        #expect(product.signatureTime == Self.date("2026-11-16T01:15:43Z"))
        #expect(product.reportedSignatureAgeDays == 12)
        // FullScanAge 4294967295 means never.
        #expect(product.lastFullScan == nil)
        #expect(
            product.lastQuickScan.map {
                abs($0.timeIntervalSince(Self.date("2026-10-19T03:02:11Z") ?? .distantPast)) < 1
            } == true)
    }

    @Test func passiveModeIsNotEnabled() throws {
        let data = try Self.fixture("ps7-passive-bom.json")
        #expect(data.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        let product = try DefenderStatusParser.parse(try #require(TextDecoding.decode(data)), file: "mp.json")
        #expect(product.runningMode == "Passive Mode")
        #expect(product.enabled == false)
        #expect(product.realTime == false)
    }

    @Test(arguments: [
        ("/Date(1795395600000)/", "2026-11-23T01:00:00Z"), ("\\/Date(1795395600000)\\/", "2026-11-23T01:00:00Z"),
        ("/Date(1795395600000+0700)/", "2026-11-23T01:00:00Z"), ("2026-11-23T08:00:00+07:00", "2026-11-23T01:00:00Z"),
        ("2026-11-23T01:00:00.1234567Z", "2026-11-23T01:00:00Z"), ("2026-11-23T01:00:00", "2026-11-23T01:00:00Z"),
        ("2026-11-23", "2026-11-23T00:00:00Z"),
    ])
    func exportDates(text: String, expected: String) {
        let parsed = ExportDateParser.parse(text)
        #expect(
            parsed.map { Int($0.timeIntervalSince1970) } == Self.date(expected).map { Int($0.timeIntervalSince1970) })
    }

    @Test func utf16BigEndianAndUtf8() throws {
        let text = "{\"AMServiceEnabled\": true, \"AntivirusEnabled\": true, \"AntivirusSignatureVersion\": \"1.2\"}"
        var big = Data([0xFE, 0xFF])
        for unit in text.utf16 { big.append(contentsOf: [UInt8(unit >> 8), UInt8(unit & 0xFF)]) }
        #expect(TextDecoding.decode(big) == text)
        #expect(TextDecoding.decode(Data(text.utf8)) == text)
        #expect(TextDecoding.decode(Data([0xFF, 0xFE, 0x41])) == nil)
    }

    @Test(arguments: [
        "", "not json", "<Objs Version=\"1.1.0.1\">", "[1, 2]", "{\"Name\": \"x\"}",
        "{\"AMServiceEnabled\": \"maybe\"}",
    ])
    func badExportsAreErrors(text: String) {
        #expect(throws: DefenderStatusParser.ParseError.self) { try DefenderStatusParser.parse(text, file: "f") }
    }

    @Test func collectorNamesTheBadFile() async throws {
        let root = try TemporaryDirectory()
        try root.write("etc/capdo/antivirus/mpstatus.json", data: Self.fixture("ps51-utf16le.json"))
        try root.write("etc/capdo/antivirus/broken.json", "Get-MpComputerStatus : Invalid class\r\n")
        let now = try #require(Self.date("2026-11-28T09:00:00Z"))
        let output = await AntivirusCollector().collect(in: root.environment(now: now))
        #expect(output.antivirus?.products.map(\.product) == ["defender"])
        let issue = try #require(output.issues.first)
        #expect(issue.file == "etc/capdo/antivirus/broken.json")
        #expect(issue.level == .error)
        #expect(issue.message.contains("not JSON"))
    }
}
