import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("EvidenceCollector and EvidenceIndexParser")
struct EvidenceCollectorTests {
    /// The old unqualified form (`item: "1.1.1"`) is read as section I, with a warning on its line.
    @Test func readsIndexAndChecksFiles() async throws {
        let folder = try TemporaryDirectory()
        try folder.write(
            "index.yaml",
            """
            # evidence
            documents:
              - item: "1.1.1"
                title: "Quy chế bảo đảm an toàn HTTT"
                path: 1.1/quy-che.pdf
                date: 2025-03-01
                approved_by: "Chủ tịch UBND"
                next_review: 2027-03-01
              - item: "1.5.4"
                title: Missing file
                path: 1.5/plan.pdf
                date: someday

            """)
        try folder.write("1.1/quy-che.pdf", "%PDF")
        let root = try TemporaryDirectory()
        let output = await EvidenceCollector().collect(in: root.environment(evidenceFolder: folder.path))
        let evidence = try #require(output.evidence)
        #expect(evidence.folder == folder.path)
        #expect(evidence.index == "index.yaml")
        #expect(
            evidence.documents.first
                == EvidenceDocument(
                    item: "1.1.1", title: "Quy chế bảo đảm an toàn HTTT", path: "1.1/quy-che.pdf", exists: true,
                    date: CapdoDate.parse("2025-03-01"), approvedBy: "Chủ tịch UBND",
                    nextReview: CapdoDate.parse("2027-03-01"), line: 3, section: "I"))
        #expect(evidence.documents.last?.exists == false)
        #expect(output.issues.map(\.line) == [3, 9, 12])
        #expect(output.issues.filter { $0.level == .warning }.map(\.line) == [3, 9, 12])
        #expect(output.issues.first?.message.contains("read as 'I 1.1.1'") == true)
    }

    @Test func sectionsAndKindsAreRead() {
        let parsed = EvidenceIndexParser.parse(
            """
            documents:
              - { item: "II.2 1.1.2", kind: internal_access, title: ACL, path: a.pdf }
              - { item: "II.1 1.b.i", title: VPN, path: b.pdf }
              - { item: "III 1.1", title: Bad, path: c.pdf }
            """, file: "index.yaml")
        #expect(parsed.documents.map(\.section) == ["II.2", "II.1"])
        #expect(parsed.documents.map(\.item) == ["1.1.2", "1.b.i"])
        #expect(parsed.documents.first?.kind == "internal_access")
        #expect(parsed.issues.map(\.line) == [4])
        #expect(parsed.issues.first?.level == .error)
    }

    @Test func malformedYamlGivesALine() {
        let parsed = EvidenceIndexParser.parse("documents:\n  - item: 1\n    path: [unclosed\n", file: "index.yaml")
        #expect(parsed.documents.isEmpty)
        #expect(parsed.issues.count == 1)
        #expect(parsed.issues.first?.line != nil)
    }

    @Test func folderStates() async throws {
        let root = try TemporaryDirectory()
        #expect(await EvidenceCollector().collect(in: root.environment()).evidence == nil)
        let missing = await EvidenceCollector().collect(in: root.environment(evidenceFolder: root.path + "/nope"))
        #expect(missing.evidence?.documents == [])
        #expect(missing.issues.count == 1)
    }
}
