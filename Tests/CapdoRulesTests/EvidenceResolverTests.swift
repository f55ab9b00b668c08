import CapdoCore
import Foundation
import Testing

@testable import CapdoRules

@Suite("Evidence: items qualified by section, kinds, review dates and cycles")
struct EvidenceResolverTests {
    let engine = RuleEngineTests()

    func document(
        _ item: String, section: String? = "I", kind: String? = nil, date: String = "2026-03-01",
        next: String? = "2027-03-01", approver: String? = "Chủ tịch UBND phường", exists: Bool = true
    ) -> String {
        var members = [
            #""item":"\#(item)""#, #""title":"Tài liệu""#, #""path":"x.pdf""#, #""exists":\#(exists)"#,
            #""date":"\#(date)T00:00:00Z""#, #""line":4"#,
        ]
        if let section { members.append(#""section":"\#(section)""#) }
        if let kind { members.append(#""kind":"\#(kind)""#) }
        if let next { members.append(#""next_review":"\#(next)T00:00:00Z""#) }
        if let approver { members.append(#""approved_by":"\#(approver)""#) }
        return "{" + members.joined(separator: ",") + "}"
    }

    func status(_ check: String, _ documents: [String], manual: Bool = true) throws -> FindingStatus {
        let json =
            #"{"evidence":{"folder":"/e","index":"index.yaml","documents":[\#(documents.joined(separator: ","))]}}"#
        return try engine.status(try engine.rule(check, manual: manual), json).status
    }

    @Test func evidenceOfAnotherSectionDoesNotCount() throws {
        let check = #"evidence: { item: "I 1.1.1" }"#
        #expect(try status(check, [document("1.1.1", section: "I")]) == .pass)
        #expect(try status(check, [document("1.1.1", section: "II.2")]) == .manual)
        // A snapshot written before sections existed: its documents are management evidence.
        #expect(try status(check, [document("1.1.1", section: nil)]) == .pass)
        #expect(try status(#"evidence: { item: "II.2 1.1.2" }"#, [document("1.1.2", section: "I")]) == .manual)
    }

    @Test func overdueOrMissingDocumentFailsEvenAnAttestation() throws {
        let check = #"evidence: { item: "I 1.6" }"#
        #expect(try status(check, [document("1.6", next: "2026-10-31")]) == .fail)
        #expect(try status(check, [document("1.6", exists: false)]) == .fail)
        // One usable document is enough; nothing indexed only awaits attestation.
        #expect(try status(check, [document("1.6", next: "2026-10-31"), document("1.6")]) == .pass)
        #expect(try status(check, []) == .manual)
    }

    @Test func reviewCycleFromTheDocumentDate() throws {
        let check = #"evidence: { item: "I 1.6", review_within_days: 730 }"#
        #expect(try status(check, [document("1.6", date: "2025-01-10", next: nil)]) == .pass)
        #expect(try status(check, [document("1.6", date: "2024-11-01", next: "2027-01-01")]) == .fail)
    }

    @Test func dateAndApproverAreNeeded() throws {
        let check = #"evidence: { item: "I 1.2.1" }"#
        #expect(try status(check, [document("1.2.1", approver: nil)]) == .manual)
    }

    @Test func kindsSelectTheirDocument() throws {
        let check = """
            all:
              - evidence: { item: "I 1.5.4", kind: incident_plan }
              - evidence: { item: "I 1.5.4", kind: incident_reporting }
            """
        let plan = document("1.5.4", kind: "incident_plan")
        let reporting = document("1.5.4", kind: "incident_reporting")
        #expect(try status(check, [plan, reporting]) == .pass)
        #expect(try status(check, [plan]) == .manual)
        #expect(try status(check, [plan, document("1.5.4", kind: "incident_reporting", next: "2026-01-01")]) == .fail)
        // The untyped main document is not stood in for by a typed one.
        #expect(try status(#"evidence: { item: "I 1.5.4" }"#, [plan]) == .manual)
    }

    @Test func aDefiniteFailIsAFailInAnAutomatedRuleToo() throws {
        #expect(
            try status(#"evidence: { item: "I 1.6" }"#, [document("1.6", next: "2026-01-01")], manual: false) == .fail)
    }
}

@Suite("Controls: coverage strength per rule")
struct CoverageStrengthTests {
    @Test func strengthsFromTheFileAndDefaults() throws {
        let text = """
            items:
              - id: "1.1.2"
                section: II.2
                group: network
                title: { vi: "A", en: "A" }
                coverage: partial
                rules: [net.a, { id: net.b, strength: attestation }, { id: net.c }]
              - id: "1.2.1"
                section: II.2
                group: server
                title: { vi: "B", en: "B" }
                coverage: automated
                rules: [srv.x]
            """
        let controls = try ControlsLoader.load(text: text, file: "c.yaml")
        #expect(controls[0].rules == ["net.a", "net.b", "net.c"])
        #expect(controls[0].ruleCoverage.map(\.strength) == [.partial, .attestation, .partial])
        #expect(controls[1].strength(of: "srv.x") == .automated)
    }

    @Test func unknownStrengthIsRefusedWithItsLine() {
        let text = """
            items:
              - id: "1.1.2"
                section: II.2
                group: network
                title: { vi: "A", en: "A" }
                coverage: partial
                rules: [{ id: net.a, strength: strong }]
            """
        #expect(throws: CapdoError.self) { try ControlsLoader.load(text: text, file: "c.yaml") }
    }

    @Test func shippedCatalogMarksManualRulesAsAttestation() throws {
        let catalog = try RuleCatalog.shipped()
        let manual = Set(catalog.rules.filter(\.manual).map(\.id))
        var checked = 0
        for control in catalog.controls {
            for coverage in control.ruleCoverage where manual.contains(coverage.rule) {
                #expect(coverage.strength == .attestation, "\(control.reference) \(coverage.rule)")
                checked += 1
            }
        }
        #expect(checked > 20)
        // The items that used to pass on absence of traffic now ask for an attestation beside their LAN rules.
        let remote = try #require(catalog.controls.first { $0.reference == "II.1 1.b.i" })
        #expect(remote.coverage == .partial)
        #expect(
            remote.ruleCoverage.contains(RuleCoverage(rule: "net.zone.remote_admin_attested", strength: .attestation)))
        let inside = try #require(catalog.controls.first { $0.reference == "II.2 1.1.2" })
        #expect(inside.strength(of: "net.lan.no_smb1") == .partial)
        #expect(inside.strength(of: "net.lan.internal_access_attested") == .attestation)
    }
}
