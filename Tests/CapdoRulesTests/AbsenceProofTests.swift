import CapdoCore
import Foundation
import Testing

@testable import CapdoRules

/// Finding nothing is no proof: a pass on zero matches needs a non-empty inventory or the rule's `absence_proof`.
@Suite("Absence is no proof")
struct AbsenceProofTests {
    let engine = RuleEngine(profile: Profile(id: "t", title: LocalizedText("t"), variables: [:]), now: Date())

    func rule(_ body: String) throws -> Rule {
        let text = """
            - id: net.test.rule
              title: { vi: "Thử", en: "Test" }
              requirement: { tt12: "II.2 1.1.5", tcvn11930: "6.2.1.6" }
              severity: high
            \(body.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
              remediation: { vi: "Sửa", en: "Fix" }
              threshold_source: none
              examples:
                pass: [ { x: 1 } ]
                fail: [ { x: 2 } ]
            """
        return try RuleLoader.load(text: text, file: "t.yaml", defaultGroup: .network)[0]
    }

    func status(_ rule: Rule, _ json: String) throws -> Finding {
        engine.evaluate(rule, facts: try JSONDecoder().decode(FactValue.self, from: Data(json.utf8)), host: "h")
    }

    /// The bug: with `tls.endpoints: []` the endpoint rules passed on "0 matching".
    @Test func emptyInventoryIsNotAssessed() throws {
        let r = try rule(
            "check:\n  items: { path: tls.endpoints, where: { chain_verified: false }, count: { equals: 0 } }")
        let empty = try status(r, #"{"tls":{"endpoints":[]}}"#)
        #expect(empty.status == .notAssessed)
        #expect(empty.reason?.en.contains("finding nothing is no proof") == true)
        let proven = try status(r, #"{"tls":{"endpoints":[{"name":"a:443","chain_verified":true}]}}"#)
        #expect(proven.status == .pass)
        #expect(proven.evidence[0].found == "0 matching among 1")
        #expect(try status(r, #"{"tls":{"endpoints":[{"name":"a:443","chain_verified":false}]}}"#).status == .fail)
        // A section without the list is facts not collected, not an empty list.
        #expect(try status(r, #"{"tls":{}}"#).status == .notAssessed)
    }

    /// The bug: an fstab device that cannot be traced from files (`UUID=`, an image scan) made the encryption rules
    /// fail as if proven unencrypted; the parser now says it could not tell, and the rule is not assessed.
    @Test func aSettingTheParserCouldNotDetermineIsNotAssessed() throws {
        let r = try rule("check:\n  config: { source: encrypted_storage, key: data_encrypted, equals: \"yes\" }")
        let undetermined = try status(
            r,
            #"{"config":{"encrypted_storage":{"present":true,"files":["etc/fstab"],"entries":{"#
                + #""mount:/":{"value":"unknown","file":"etc/fstab","line":1},"#
                + #""undetermined.data_encrypted":{"value":"UUID=ab (/)","file":"etc/fstab","line":1}}}}}"#)
        #expect(undetermined.status == .notAssessed)
        #expect(undetermined.reason?.en.contains("UUID=ab (/)") == true, "\(String(describing: undetermined.reason))")
        #expect(undetermined.reason?.vi.contains("etc/fstab:1") == true)
        let proven =
            #"{"config":{"encrypted_storage":{"present":true,"files":["etc/fstab"],"entries":{"#
            + #""data_encrypted":{"value":"no","file":"etc/fstab","line":1}}}}}"#
        #expect(try status(r, proven).status == .fail)
    }

    /// The bug: the zoning rules passed on a capture that saw no database traffic.
    @Test func lanObservationNeedsItsProof() throws {
        let check =
            "check:\n  items: { path: lan.services, where: { port: { in: [3306, 5432] } }, count: { equals: 0 } }"
        let bare = try rule(check)
        let capture = #"{"lan":{"services":[{"ip":"192.0.2.1","port":443}],"counters":{"packets":900}}}"#
        #expect(try status(bare, capture).status == .notAssessed)
        let proved = try rule(
            check + "\nabsence_proof:\n  fact: { path: lan.scan.port_ranges, covers_ports: [3306, 5432] }")
        let passive = try status(proved, capture)
        #expect(passive.status == .notAssessed)
        #expect(passive.reason?.en.contains("does not cover") == true)
        let narrow = #"{"lan":{"services":[],"scan":{"method":"syn","port_ranges":["1-1024","3306"]}}}"#
        #expect(try status(proved, narrow).status == .notAssessed)
        let covering = #"{"lan":{"services":[],"scan":{"method":"syn","port_ranges":["1-1024","3306-5432"]}}}"#
        let pass = try status(proved, covering)
        #expect(pass.status == .pass)
        #expect(pass.evidence.contains { $0.subject == "fact lan.scan.port_ranges" && $0.outcome == .pass })
        let open = #"{"lan":{"services":[{"ip":"192.0.2.9","port":5432}],"scan":{"port_ranges":["1-65535"]}}}"#
        #expect(try status(proved, open).status == .fail)
    }

    @Test func packageAbsentFromAnEmptyDatabaseProvesNothing() throws {
        let r = try rule("check:\n  package: { name: telnetd, installed: false }")
        #expect(try status(r, #"{"packages":{"packages":[]}}"#).status == .notAssessed)
        let listed = #"{"packages":{"packages":[{"name":"bash","version":"5.2","state":"installed"}]}}"#
        #expect(try status(r, listed).status == .pass)
    }

    /// One branch of `any` that passed on real matches is proof enough; vacuous branches alone are not.
    @Test func anyPassesOnItsProvenBranch() throws {
        let r = try rule(
            """
            check:
              any:
                - items: { path: backup.jobs, count: { ge: 1 } }
                - items: { path: tls.endpoints, count: { equals: 0 } }
            """)
        #expect(try status(r, #"{"backup":{"jobs":[{"tool":"restic"}]},"tls":{"endpoints":[]}}"#).status == .pass)
        #expect(try status(r, #"{"backup":{"jobs":[]},"tls":{"endpoints":[]}}"#).status == .notAssessed)
    }

    /// The bug: the empty-password evidence cited etc/passwd:31 although the empty field is in etc/shadow:31; and
    /// only the first match had a place.
    @Test func accountMatchesAreLocatedWhereTheFieldIs() throws {
        let r = try rule("check:\n  account: { where: { password: empty }, count: { equals: 0 } }")
        let facts = """
            {"accounts":{"shadow_readable":true,"accounts":[
              {"name":"a","uid":1001,"password":"empty","file":"etc/passwd","line":30,"shadow_line":31},
              {"name":"b","uid":1002,"password":"empty","file":"etc/passwd","line":32,"shadow_line":33},
              {"name":"c","uid":1003,"password":"set","file":"etc/passwd","line":34,"shadow_line":35}]}}
            """
        let finding = try status(r, facts)
        #expect(finding.status == .fail)
        #expect(finding.evidence[0].location == "etc/shadow:31, etc/shadow:33")
        // A line number from a hostile snapshot is shown, never converted with a trap.
        let huge = try status(r, facts.replacingOccurrences(of: "\"shadow_line\":31", with: "\"shadow_line\":1e19"))
        #expect(huge.evidence[0].location == "etc/shadow:1e+19, etc/shadow:33")
        let uid = try rule("check:\n  account: { where: { uid: 0 }, count: { equals: 0 } }")
        #expect(
            try status(uid, facts.replacingOccurrences(of: "1003", with: "0")).evidence[0].location == "etc/passwd:34")
    }

    @Test func coversPortsNeedsPortNumbers() {
        #expect(throws: CapdoError.self) {
            try rule("check:\n  fact: { path: lan.scan.port_ranges, covers_ports: 22 }")
        }
        #expect(throws: CapdoError.self) {
            try rule("check:\n  fact: { path: lan.scan.port_ranges, covers_ports: [ssh] }")
        }
    }
}
