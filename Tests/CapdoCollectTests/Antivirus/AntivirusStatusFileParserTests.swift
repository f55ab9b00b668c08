import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("capdo anti-malware status files (Bkav, Kaspersky, ESET, …)")
struct AntivirusStatusFileParserTests {
    static let now = CapdoDate.parse("2026-11-28T09:00:00Z") ?? Date()

    @Test func yamlStatusFile() throws {
        let product = try AntivirusStatusFileParser.parse(
            """
            product: bkav
            name: Bkav Pro
            engine_version: "6.0.2"
            signature_version: "2026.11.27.1"
            signature_date: 2026-11-27T22:00:00Z
            real_time: true
            last_full_scan: 2026-11-22
            """, file: "etc/capdo/antivirus/bkav.yaml", now: Self.now)
        #expect(product.product == "bkav")
        #expect(product.name == "Bkav Pro")
        #expect(product.enabled == true)
        #expect(product.realTime == true)
        #expect(product.signatureTime == CapdoDate.parse("2026-11-27T22:00:00Z"))
        #expect(product.lastFullScan == CapdoDate.parse("2026-11-22"))
    }

    @Test func jsonStatusFile() throws {
        let product = try AntivirusStatusFileParser.parse(
            "{\"product\": \"kaspersky\", \"signature_date\": \"2026-11-20T01:00:00+07:00\", \"real_time\": false}",
            file: "k.json", now: Self.now)
        #expect(product.name == "Kaspersky")
        #expect(product.realTime == false)
        #expect(product.signatureTime == CapdoDate.parse("2026-11-19T18:00:00Z"))
    }

    @Test(arguments: [
        ("product: norton-free\nsignature_date: 2026-11-27\nreal_time: true", "unknown product 'norton-free'"),
        ("product: eset\nsignature_date: 2027-03-01\nreal_time: true", "is in the future"),
        ("product: eset\nreal_time: true", "missing 'signature_date'"),
        ("product: eset\nsignature_date: 2026-11-27", "missing 'real_time'"),
        ("product: eset\nsignature_date: yesterday\nreal_time: true", "expected a date"),
        ("product: eset\nsignature_date: 2026-11-27\nreal_time: maybe", "expected true or false"),
        ("product: eset\nsignature_date: 2026-11-27\nreal_time: true\nrealtime: true", "unknown key 'realtime'"),
        ("- just\n- a list", "expected a mapping"),
        ("product: [unclosed", "not valid YAML"),
        // Found by fuzzing: a key that is a list or a mapping trapped inside Yams (a force-unwrap), ending the scan.
        ("product: eset\n? [a, b]\n: c", "keys must be plain text"),
        ("{\"product\": \"eset\", \"x\": {{\"a\": 1}: 2}}", "keys must be plain text"),
        ("- {? {a: 1}: b}", "keys must be plain text"),
    ])
    func badStatusFiles(text: String, message: String) {
        #expect {
            try AntivirusStatusFileParser.parse(text, file: "f.yaml", now: Self.now)
        } throws: { error in
            (error as? AntivirusStatusFileParser.ParseError)?.message.contains(message) == true
        }
    }

    @Test func collectorReportsAFutureDateAsAnErrorNamingTheFile() async throws {
        let root = try TemporaryDirectory()
        try root.write("etc/capdo/antivirus/eset.yaml", "product: eset\nsignature_date: 2027-01-01\nreal_time: true\n")
        let output = await AntivirusCollector().collect(in: root.environment(now: Self.now))
        #expect(output.antivirus?.products.isEmpty == true)
        #expect(output.issues.map(\.file) == ["etc/capdo/antivirus/eset.yaml"])
        #expect(output.issues.first?.message.contains("future") == true)
    }
}
