import CapdoCore
import Foundation
import Testing

@testable import CapdoRules

/// A rule remembered by the facts it reads judges every host exactly as judging it afresh would: the shipped
/// catalogue over the sample snapshots, read as `evaluate` reads them, with and without the memo.
@Suite("Rule memo")
struct RuleMemoTests {
    static let now = CapdoDate.parse("2026-11-28T09:00:00Z")!
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples/snapshots")
    static let names = ["pc-ketoan-05.json", "pc-neglected.json", "pc-protected.json", "pc-vanthu-02.json"]

    static func setUp() throws -> (engine: RuleEngine, rules: [Rule]) {
        let catalog = try RuleCatalog.shipped()
        let profile = try #require(catalog.profile("level2"))
        let engine = RuleEngine(profile: profile, now: now)
        return (engine, Finding.reportOrder(of: catalog.rules).map(engine.rendered))
    }

    /// The sample's bytes with its host name replaced.
    static func renamed(_ name: String, to host: String) throws -> Data {
        let data = try Data(contentsOf: samples.appendingPathComponent(name))
        let original = try SnapshotReader.read(data).snapshot.hostName
        let text = String(decoding: data, as: UTF8.self)
        return Data(text.replacingOccurrences(of: "\"\(original)\"", with: "\"\(host)\"").utf8)
    }

    static func judge(
        _ data: Data, _ engine: RuleEngine, _ rules: [Rule], memo: RuleMemo?, sections: SectionMemo? = nil
    ) throws -> HostResult {
        let read = try SnapshotReader.readKeepingSpans(data, memo: sections)
        return engine.evaluate(
            rules, snapshot: read.snapshot, facts: read.facts, spans: memo == nil ? nil : read.spans,
            inReportOrder: true, memo: memo)
    }

    @Test func rememberedFindingsEqualFreshOnes() throws {
        let (engine, rules) = try Self.setUp()
        let memo = RuleMemo(rules: rules)
        let sections = SectionMemo()
        // Each sample twice under two names: the second of each is judged from the memo.
        for name in Self.names {
            for host in ["a-\(name)", "b-\(name)"] {
                let data = try Self.renamed(name, to: host)
                let fresh = try Self.judge(data, engine, rules, memo: nil)
                let remembered = try Self.judge(data, engine, rules, memo: memo, sections: sections)
                #expect(remembered == fresh, "\(host)")
                #expect(remembered.findings.allSatisfy { $0.host == host })
            }
        }
    }

    @Test func theHostsWaiverAppliesToARememberedFinding() throws {
        let (_, rules) = try Self.setUp()
        let catalog = try RuleCatalog.shipped()
        let profile = try #require(catalog.profile("level2"))
        let plain = RuleEngine(profile: profile, now: Self.now)
        let data = try Self.renamed("pc-neglected.json", to: "first")
        let failing = try #require(
            try Self.judge(data, plain, rules, memo: nil).findings.first { $0.status == .fail })
        let waiver = Waiver(
            rule: failing.ruleID, hosts: ["second"], justification: "replaced next month", approvedBy: "Trưởng phòng",
            expires: Self.now.addingTimeInterval(86_400 * 30))
        let engine = RuleEngine(profile: profile, waivers: [waiver], now: Self.now)
        let memo = RuleMemo(rules: rules)
        let first = try Self.judge(data, engine, rules, memo: memo)
        let second = try Self.judge(try Self.renamed("pc-neglected.json", to: "second"), engine, rules, memo: memo)
        #expect(first.findings.first { $0.ruleID == failing.ruleID }?.status == .fail)
        #expect(second.findings.first { $0.ruleID == failing.ruleID }?.status == .waived)
    }

    @Test func aRuleReadsOnlyItsParts() throws {
        let (_, rules) = try Self.setUp()
        let memo = RuleMemo(rules: rules)
        let data = try Data(contentsOf: Self.samples.appendingPathComponent("pc-neglected.json"))
        let facts = try SnapshotReader.read(data).facts
        for index in rules.indices {
            guard let read = memo.reads[index] else { continue }
            let restricted = memo.restricted(facts, rule: index)
            let sections = Set(memo.parts.indices.filter(read.contains).map { memo.parts[$0].components[0] })
            #expect(Set((restricted.objectValue ?? [:]).keys).isSubset(of: sections), "\(rules[index].id)")
            #expect(restricted["system"]?["hostname"] == nil)
        }
    }

    @Test func ruleReadingTheHostNameIsNotRemembered() throws {
        let text = """
            - id: srv.test.hostname
              title: { vi: "Tên máy", en: "Host name" }
              requirement: { tt12: "II.2 1.1.1", tcvn11930: "6.2.1.1" }
              severity: low
              check:
                system: { field: hostname, matches: "^srv" }
              remediation: { vi: "Đặt tên", en: "Name it" }
              threshold_source: proposal
              examples:
                pass: [ { system: { hostname: srv01 } } ]
                fail: [ { system: { hostname: pc01 } } ]
            """
        let rule = try #require(try RuleLoader.load(text: text, file: "t.yaml", defaultGroup: .server).first)
        #expect(RuleMemo.parts(of: rule) == nil)
        #expect(RuleMemo(rules: [rule]).reads == [nil])
    }
}
