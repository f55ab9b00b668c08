import CapdoCore
import Foundation
import Testing

@testable import CapdoRules

@Suite("Rule engine semantics")
struct RuleEngineTests {
    static let now = RuleExampleRunner.exampleTime
    let profile = Profile(
        id: "t", title: LocalizedText("t"),
        variables: [
            "max_tries": ProfileVariable(value: .number(4), source: "proposal"),
            "backup_days": ProfileVariable(value: .number(7), source: "proposal"),
        ])

    /// Builds a one-rule file around a check (YAML).
    func rule(_ check: String, extra: String = "", manual: Bool = false) throws -> Rule {
        let text = """
            - id: srv.test.rule
              title: { vi: "Thử", en: "Test" }
              requirement: { tt12: "II.2 1.2.1", tcvn11930: "6.2.2.1" }
              severity: medium
              manual: \(manual)
              check:
            \(check.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
            \(extra)
              remediation: { vi: "Sửa", en: "Fix" }
              threshold_source: proposal
              examples:
                pass: [ { x: 1 } ]
                fail: [ { x: 2 } ]
            """
        return try RuleLoader.load(text: text, file: "t.yaml", defaultGroup: .server)[0]
    }

    func facts(_ json: String) throws -> FactValue {
        try JSONDecoder().decode(FactValue.self, from: Data(json.utf8))
    }

    func status(_ rule: Rule, _ json: String, waivers: [Waiver] = [], issues: [CollectionIssue] = []) throws -> Finding
    {
        let engine = RuleEngine(profile: profile, waivers: waivers, now: Self.now)
        return engine.evaluate(rule, facts: try facts(json), host: "srv01", issues: issues)
    }

    @Test func configValueWithLocationAndVariable() throws {
        let r = try rule("config: { source: sshd, key: maxauthtries, le: \"${max_tries}\" }")
        let pass = try status(
            r, #"{"config":{"sshd":{"entries":{"maxauthtries":{"value":"3","file":"etc/ssh/sshd_config","line":7}}}}}"#)
        #expect(pass.status == .pass)
        let fail = try status(r, #"{"config":{"sshd":{"entries":{"maxauthtries":{"value":"6","default":true}}}}}"#)
        #expect(fail.status == .fail)
        #expect(fail.evidence[0].expected == "≤ 4")
        #expect(fail.evidence[0].found == "6")
        #expect(fail.evidence[0].location == "default")
        let located = try status(
            r, #"{"config":{"sshd":{"entries":{"maxauthtries":{"value":"10","file":"etc/ssh/sshd_config","line":7}}}}}"#
        )
        #expect(located.evidence[0].location == "etc/ssh/sshd_config:7")
        #expect(located.reason?.en.contains("etc/ssh/sshd_config:7") == true)
    }

    @Test func missingFactsAreNeverPass() throws {
        let r = try rule("none:\n  - package: { name: telnetd }")
        let finding = try status(r, "{}")
        #expect(finding.status == .notAssessed)
        #expect(finding.reason?.en.contains("not collected: the package list") == true)
        #expect(finding.reason?.vi.contains("chưa thu thập: danh sách gói phần mềm") == true)
    }

    @Test func collectorErrorMakesError() throws {
        let r = try rule("config: { source: sshd, key: permitrootlogin, equals: \"no\" }")
        let issue = CollectionIssue(collector: "config.sshd", file: "etc/ssh/sshd_config", message: "permission denied")
        let finding = try status(r, "{}", issues: [issue])
        #expect(finding.status == .error)
        #expect(finding.reason?.en.contains("etc/ssh/sshd_config: permission denied") == true)
    }

    @Test func threeValuedCombinators() throws {
        let anyRule = try rule(
            """
            any:
              - service: { name: rsyslog, enabled: true }
              - config: { source: journald, key: persistent, equals: "yes" }
            """)
        // services known and rsyslog enabled: pass even though journald facts are missing
        #expect(try status(anyRule, #"{"services":{"units":{"rsyslog.service":{"enabled":true}}}}"#).status == .pass)
        // rsyslog not enabled, journald unknown: unknown → not assessed, never fail or pass
        #expect(try status(anyRule, #"{"services":{"units":{}}}"#).status == .notAssessed)
        // both known and false: fail
        #expect(
            try status(anyRule, #"{"services":{"units":{}},"config":{"journald":{"entries":{"persistent":"no"}}}}"#)
                .status
                == .fail)
    }

    @Test func packagesInstalledAndVersions() throws {
        let absent = try rule("package: { names: [telnetd, rsh-server], installed: false }")
        let clean = #"{"packages":{"packages":[{"name":"openssh-server","version":"1:9.2p1-2","state":"installed"}]}}"#
        #expect(try status(absent, clean).status == .pass)
        let dirty =
            #"{"packages":{"packages":[{"name":"telnetd","version":"0.17-44","state":"installed","file":"var/lib/dpkg/status","line":40}]}}"#
        let finding = try status(absent, dirty)
        #expect(finding.status == .fail)
        #expect(finding.evidence.contains { $0.location == "var/lib/dpkg/status:40" })
        let removed = #"{"packages":{"packages":[{"name":"telnetd","version":"0.17-44","state":"config-files"}]}}"#
        #expect(try status(absent, removed).status == .pass)
        let version = try rule("package: { name: openssh-server, version_ge: \"1:9.2p1-2+deb12u3\" }")
        #expect(try status(version, clean).status == .fail)
        #expect(
            try status(version, #"{"packages":{"packages":[{"name":"openssh-server","version":"1:9.2p1-2+deb12u5"}]}}"#)
                .status
                == .pass)
    }

    @Test func serviceActiveFallsBackToEnablementOffline() throws {
        let r = try rule("service: { name: auditd, active: true }")
        let offline = try status(r, #"{"services":{"units":{"auditd.service":{"enabled":true}}}}"#)
        #expect(offline.status == .pass)
        #expect(offline.evidence[0].found.contains("offline"))
        let live = try status(r, #"{"services":{"units":{"auditd.service":{"enabled":true,"active":"failed"}}}}"#)
        #expect(live.status == .fail)
    }

    @Test func portsIgnoreLoopbackByDefault() throws {
        let r = try rule("port: { protocol: tcp, ports: [21, 23], listening: false }")
        let loopbackOnly =
            #"{"listeners":{"sockets":[{"protocol":"tcp","address":"127.0.0.1","port":23,"loopback":true}]}}"#
        #expect(try status(r, loopbackOnly).status == .pass)
        let exposed =
            #"{"listeners":{"sockets":[{"protocol":"tcp","address":"0.0.0.0","port":23,"loopback":false,"process":"inetd","file":"proc/net/tcp","line":3}]}}"#
        let finding = try status(r, exposed)
        #expect(finding.status == .fail)
        #expect(finding.evidence[0].found.contains("0.0.0.0:23/tcp (inetd)"))
        #expect(try status(r, "{}").status == .notAssessed)
    }

    @Test func accountsWhereAndCount() throws {
        let r = try rule("account: { where: { uid: 0, name: { not_equals: root } }, count: { equals: 0 } }")
        let good = #"{"accounts":{"accounts":[{"name":"root","uid":0},{"name":"an","uid":1000}]}}"#
        #expect(try status(r, good).status == .pass)
        let bad =
            #"{"accounts":{"accounts":[{"name":"root","uid":0},{"name":"admin2","uid":0,"file":"etc/passwd","line":30}]}}"#
        let finding = try status(r, bad)
        #expect(finding.status == .fail)
        #expect(finding.evidence[0].found.contains("admin2"))
        #expect(finding.evidence[0].location == "etc/passwd:30")
        let unreadable = try rule("account: { where: { password: empty }, count: { equals: 0 } }")
        let finding2 = try status(unreadable, #"{"accounts":{"shadow_readable":false,"accounts":[]}}"#)
        #expect(finding2.status == .error)
    }

    @Test func ageDaysAgainstEvaluationTime() throws {
        let r = try rule("fact: { path: backup.newest_artefact_time, age_days: { le: \"${backup_days}\" } }")
        #expect(try status(r, #"{"backup":{"newest_artefact_time":"2026-11-27T00:00:00Z"}}"#).status == .pass)
        #expect(try status(r, #"{"backup":{"newest_artefact_time":"2026-10-01T00:00:00Z"}}"#).status == .fail)
        #expect(try status(r, #"{"backup":{"jobs":[]}}"#).status == .fail)
    }

    @Test func fileModesAndExistence() throws {
        let r = try rule("file: { path: /etc/shadow, exists: true, mode_within: \"0640\", uid: 0 }")
        #expect(try status(r, #"{"files":{"/etc/shadow":{"exists":true,"mode":"0640","uid":0}}}"#).status == .pass)
        #expect(try status(r, #"{"files":{"/etc/shadow":{"exists":true,"mode":"0644","uid":0}}}"#).status == .fail)
        #expect(try status(r, #"{"files":{"/etc/shadow":{"exists":true,"mode":"0600","uid":1000}}}"#).status == .fail)
        let absent = try rule("file: { path: /etc/hosts.equiv, exists: false }")
        #expect(try status(absent, #"{"files":{"/etc/hosts.equiv":{"exists":false}}}"#).status == .pass)
        #expect(try status(absent, #"{"files":{"/etc/hosts.equiv":{"exists":true}}}"#).status == .fail)
    }

    @Test func warnUnlessGivesWarn() throws {
        let r = try rule(
            "config: { source: login_defs, key: PASS_MIN_LEN, ge: 8 }",
            extra: "  warn_unless:\n    config: { source: login_defs, key: PASS_MIN_LEN, ge: 14 }")
        #expect(try status(r, #"{"config":{"login_defs":{"entries":{"PASS_MIN_LEN":"14"}}}}"#).status == .pass)
        #expect(try status(r, #"{"config":{"login_defs":{"entries":{"PASS_MIN_LEN":"10"}}}}"#).status == .warn)
        #expect(try status(r, #"{"config":{"login_defs":{"entries":{"PASS_MIN_LEN":"5"}}}}"#).status == .fail)
    }

    @Test func booleanLikeValuesCompareByTruth() throws {
        let r = try rule("config: { source: sshd, key: permitemptypasswords, equals: false }")
        #expect(try status(r, #"{"config":{"sshd":{"entries":{"permitemptypasswords":"no"}}}}"#).status == .pass)
        #expect(try status(r, #"{"config":{"sshd":{"entries":{"permitemptypasswords":"yes"}}}}"#).status == .fail)
    }

    /// An attestation awaits (`manual`) until evidence is given; evidence that disproves the item (a document past
    /// its review date, or indexed but missing) fails it.
    @Test func manualRulesAwaitOrFailOnDisprovingEvidence() throws {
        let r = try rule("evidence: { item: \"I 1.1.1\" }", manual: true)
        #expect(try status(r, "{}").status == .manual)
        let missing =
            #"{"evidence":{"folder":"/e","documents":[{"item":"1.1.1","title":"Quy chế","path":"a.pdf","exists":false}]}}"#
        #expect(try status(r, missing).status == .fail)
        let signed = #""date":"2026-01-05T00:00:00Z","approved_by":"Chủ tịch UBND""#
        let present =
            #"{"evidence":{"folder":"/e","documents":[{"item":"1.1.1","title":"Quy chế","path":"a.pdf","exists":true,"next_review":"2027-06-01T00:00:00Z",\#(signed)}]}}"#
        #expect(try status(r, present).status == .pass)
        let unsigned =
            #"{"evidence":{"folder":"/e","documents":[{"item":"1.1.1","title":"Quy chế","path":"a.pdf","exists":true,"next_review":"2027-06-01T00:00:00Z"}]}}"#
        #expect(try status(r, unsigned).status == .manual)
        let overdue =
            #"{"evidence":{"folder":"/e","documents":[{"item":"1.1.1","title":"Quy chế","path":"a.pdf","exists":true,"next_review":"2026-01-01T00:00:00Z",\#(signed)}]}}"#
        #expect(try status(r, overdue).status == .fail)
        // The index line of a document is printed as given, never converted with a trap (1e19 from a hostile file).
        let hugeLine =
            #"{"evidence":{"folder":"/e","documents":[{"item":"1.1.1","title":"Quy chế","path":"a.pdf","exists":true,"line":1e19,\#(signed)}]}}"#
        #expect(try status(r, hugeLine).evidence[0].found.contains("index.yaml:1e+19"))
    }

    @Test func waiversApplyUntilTheyExpire() throws {
        let r = try rule("config: { source: sshd, key: permitrootlogin, equals: \"no\" }")
        let json = #"{"config":{"sshd":{"entries":{"permitrootlogin":"yes"}}}}"#
        let valid = Waiver(
            rule: "srv.test.rule", hosts: ["srv01"], justification: "vendor agent", approvedBy: "Trưởng phòng",
            expires: Self.now.addingTimeInterval(86_400 * 30))
        let waived = try status(r, json, waivers: [valid])
        #expect(waived.status == .waived)
        #expect(waived.waiver?.expired == false)
        let otherHost = Waiver(
            rule: "srv.test.rule", hosts: ["other"], justification: "x", approvedBy: "y", expires: valid.expires)
        #expect(try status(r, json, waivers: [otherHost]).status == .fail)
        let expired = Waiver(
            rule: "srv.test.rule", hosts: ["*"], justification: "x", approvedBy: "y",
            expires: Self.now.addingTimeInterval(-86_400))
        let lapsed = try status(r, json, waivers: [expired])
        #expect(lapsed.status == .fail)
        #expect(lapsed.waiver?.expired == true)
    }

    @Test func undefinedVariableIsAnError() throws {
        let r = try rule("config: { source: sshd, key: maxauthtries, le: \"${nope}\" }")
        let finding = try status(r, #"{"config":{"sshd":{"entries":{"maxauthtries":"3"}}}}"#)
        #expect(finding.status == .error)
        #expect(finding.reason?.en.contains("'nope'") == true)
    }

    @Test func snapshotIsEvaluatedThroughTheSameTree() throws {
        let r = try rule("config: { source: sshd, key: permitrootlogin, equals: \"no\" }")
        var snapshot = HostSnapshot(collectedAt: Self.now, root: "/tmp/x", live: false)
        snapshot.system = SystemFacts(osID: "debian", hostname: "srv01")
        snapshot.config["sshd"] = ConfigSection(
            files: ["etc/ssh/sshd_config"],
            entries: ["permitrootlogin": ConfigEntry(value: "yes", file: "etc/ssh/sshd_config", line: 12)])
        let result = RuleEngine(profile: profile, now: Self.now).evaluate([r], snapshot: snapshot)
        #expect(result.host == "srv01")
        #expect(result.findings.count == 1)
        #expect(result.findings[0].status == .fail)
        #expect(result.findings[0].evidence[0].location == "etc/ssh/sshd_config:12")
    }
}
