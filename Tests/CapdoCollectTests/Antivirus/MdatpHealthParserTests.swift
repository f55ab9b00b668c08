import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("Microsoft Defender for Endpoint on Linux: mdatp health, text and JSON")
struct MdatpHealthParserTests {
    static func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/mdatp/\(name)", withExtension: nil))
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test func healthyTextExport() throws {
        let text = try Self.fixture("health.txt")
        #expect(MdatpHealthParser.looksLikeHealth(text))
        let product = try MdatpHealthParser.parse(text, file: "etc/capdo/antivirus/mdatp-health.txt")
        #expect(product.product == "defender")
        #expect(product.enabled == true)
        #expect(product.realTime == true)
        #expect(product.signatureVersion == "1.421.1032.0")
        #expect(product.engineVersion == "1.1.24090.3001")
        #expect(product.signatureTime == CapdoDate.parse("2026-11-28T03:12:40Z"))
        #expect(product.signatureUpToDate == true)
    }

    @Test func passiveJsonExportIsNotEnabled() throws {
        let text = try Self.fixture("health-passive.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(MdatpHealthParser.looksLikeHealth(object))
        let product = try MdatpHealthParser.parse(object, file: "mdatp.json")
        #expect(product.enabled == false)
        #expect(product.realTime == false)
        #expect(product.runningMode == "Passive")
        #expect(product.signatureTime == CapdoDate.parse("2026-11-26T03:12:40Z"))
    }

    @Test func unhealthyExportIsNotEnabledAndOutOfDate() throws {
        let product = try MdatpHealthParser.parse(try Self.fixture("health-unhealthy.txt"), file: "m.txt")
        #expect(product.enabled == false)
        #expect(product.realTime == false)
        #expect(product.signatureUpToDate == false)
        #expect(product.signatureTime == CapdoDate.parse("2026-10-02T20:00:00Z"))
    }

    @Test(arguments: ["", "healthy : maybe\nreal_time_protection_enabled : true\n", "licensed : true\n"])
    func badInputIsAClearError(_ text: String) {
        #expect(throws: MdatpHealthParser.ParseError.self) { try MdatpHealthParser.parse(text, file: "m.txt") }
    }

    @Test func everyTruncationEndsCleanly() throws {
        let text = try Self.fixture("health.txt")
        var products = 0
        for length in 0...text.utf8.count {
            let prefix = String(decoding: Array(text.utf8.prefix(length)), as: UTF8.self)
            do {
                let product = try MdatpHealthParser.parse(prefix, file: "m.txt")
                products += 1
                // Enabled only once the whole `healthy : true` line was read.
                if product.enabled == true {
                    #expect(prefix.contains("healthy                                     : true"))
                }
            } catch {
                #expect(!error.message.isEmpty)
            }
        }
        #expect(products > 0)
    }
}

@Suite("AntivirusCollector: Linux products other than ClamAV")
struct LinuxAntivirusCollectorTests {
    @Test func healthyMdatpExportIsAnEnabledDefender() async throws {
        let root = try TemporaryDirectory()
        try root.write(
            "etc/capdo/antivirus/mdatp-health.txt", try MdatpHealthParserTests.fixture("health.txt"))
        try root.symlink(
            "etc/systemd/system/multi-user.target.wants/mdatp.service", to: "/lib/systemd/system/mdatp.service")
        let output = await AntivirusCollector().collect(
            in: root.environment(now: try #require(CapdoDate.parse("2026-11-28T09:00:00Z"))))
        #expect(output.issues.isEmpty)
        let products = try #require(output.antivirus?.products)
        // The export wins over the bare unit: one Defender product, with its real-time state and date.
        #expect(products.map(\.product) == ["defender"])
        #expect(products.first?.enabled == true)
        #expect(products.first?.realTime == true)
        #expect(products.first?.file == "etc/capdo/antivirus/mdatp-health.txt")
    }

    @Test(arguments: LinuxAntivirusUnit.known)
    func enabledUnitIsAProduct(_ unit: LinuxAntivirusUnit) async throws {
        let root = try TemporaryDirectory()
        let link = "etc/systemd/system/multi-user.target.wants/\(unit.unit)"
        try root.symlink(link, to: "/lib/systemd/system/\(unit.unit)")
        let output = await AntivirusCollector().collect(in: root.environment())
        let product = try #require(output.antivirus?.products.first)
        #expect(product.product == unit.product)
        #expect(product.enabled == true)
        #expect(product.realTime == nil)
        #expect(product.signatureTime == nil)
        #expect(product.file == link)
    }

    @Test func noUnitNoExportNoProduct() async throws {
        let root = try TemporaryDirectory()
        try root.write("etc/systemd/system/multi-user.target.wants/ssh.service", "")
        let output = await AntivirusCollector().collect(in: root.environment())
        #expect(output.antivirus?.products == [])
    }
}
