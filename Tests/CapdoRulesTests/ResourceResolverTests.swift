import CapdoCore
import Foundation
import Testing

@testable import CapdoRules

/// The resolvers' declarations: one per kind, what the loader takes from them, and the port ranges they share.
@Suite("Resource resolvers")
struct ResourceResolverTests {
    static let kinds = ResourceResolvers.all.map(\.kind.rawValue)

    func rule(_ check: String) throws -> Rule { try RuleEngineTests().rule(check) }

    /// The loader's message for a rule around `check`; empty when it loads.
    func message(_ check: String) -> String {
        do {
            _ = try rule(check)
            return ""
        } catch {
            return (error as? CapdoError)?.message ?? "\(error)"
        }
    }

    func finding(_ check: String, _ json: String) throws -> Finding {
        try RuleEngineTests().status(try rule(check), json)
    }

    func evidence(_ check: String, _ json: String) throws -> [Evidence] {
        try finding(check, json).evidence
    }

    @Test func oneResolverPerKind() {
        #expect(Set(Self.kinds).count == Self.kinds.count)
        #expect(Self.kinds.count == 11)
    }

    /// docs/rules.md's table of resources names exactly the registered kinds.
    @Test func theResourceTableNamesEveryKind() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/rules.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "### Resources").dropFirst().first)
        let table = section.components(separatedBy: "\n\n").first { $0.contains("| resource |") } ?? ""
        let named = table.split(separator: "\n").dropFirst(2).compactMap { row in
            row.split(separator: "`", omittingEmptySubsequences: false).dropFirst().first.map(String.init)
        }
        #expect(named.sorted() == Self.kinds.sorted())
    }

    @Test(arguments: [
        ("config: { source: sshd, le: 4 }", "'config' needs 'key'"),
        ("config: { key: maxauthtries, le: 4 }", "'config' needs 'source'"),
        ("package: { installed: true }", "'package' needs 'name' or 'names'"),
        ("service: { enabled: true }", "'service' needs 'name' or 'names'"),
        ("port: { protocol: tcp }", "'port' needs 'port' or 'ports'"),
        ("items: { where: { a: 1 } }", "'items' needs 'path'"),
        ("file: { exists: true }", "'file' needs 'path'"),
        ("fact: { exists: true }", "'fact' needs 'path'"),
        ("system: { in: [debian] }", "'system' needs 'field'"),
        ("evidence: { title_matches: x }", "'evidence' needs 'item'"),
        ("file: { path: /etc/shadow, mode: { within: 1 } }", "unknown matcher 'within'"),
    ])
    func theLoaderAsksForWhatAResolverNeeds(check: String, expected: String) {
        #expect(message(check).contains(expected), "\(message(check))")
    }

    @Test(arguments: [
        "account: { where: { uid: 0 }, count: { equals: 1 } }", "antivirus: { count: { ge: 1 } }",
        "port: { ports: [21, \"512-514\"], listening: false }", "file: { path: /etc/shadow, uid: 0, gid: { le: 42 } }",
    ])
    func whatAResolverDeclaresLoads(check: String) {
        #expect(message(check) == "")
    }

    @Test(arguments: [
        ("3306", 3306...3306), ("1-1024", 1...1024), ("0", 0...0), ("65535", 65_535...65_535), ("7-7", 7...7),
    ])
    func portRangesParse(text: String, range: ClosedRange<Int>) {
        #expect(PortRange.parse(text) == range)
    }

    @Test(arguments: ["", "-", "1-", "-5", "10-1", "1-2-3", "65536", "1-70000", "a", "1 - 2", " 22", "1.5"])
    func malformedPortRangesAreRefused(text: String) {
        #expect(PortRange.parse(text) == nil)
    }

    @Test func aRangeInPortsSelectsEveryPortOfIt() throws {
        let listening = #"{"listeners":{"sockets":[{"protocol":"tcp","port":513,"address":"0.0.0.0"}]}}"#
        let found = try evidence("port: { ports: [21, \"512-514\"], listening: false }", listening)
        #expect(found.first?.subject == "tcp ports 21,512,513,514")
        #expect(found.first?.outcome == .fail)
        #expect(found.first?.found == "0.0.0.0:513/tcp")
        let malformed = try evidence("port: { ports: [\"514-512\", \"1-x\", 23], listening: false }", listening)
        #expect(malformed.first?.subject == "tcp ports 23")
        #expect(malformed.first?.outcome == .pass)
    }

    /// `covers_ports` reads `lan.scan.port_ranges` with the same parser as `--ports`.
    @Test func coversPortsReadsScannedRanges() throws {
        let check = "fact: { path: lan.scan.port_ranges, covers_ports: [22, 3306] }"
        let covered = try evidence(check, #"{"lan":{"scan":{"port_ranges":["1-1024","3306"]}}}"#)
        #expect(covered.first?.outcome == .pass)
        let short = try evidence(check, #"{"lan":{"scan":{"port_ranges":["1-1024","3307-4000"]}}}"#)
        #expect(short.first?.outcome == .fail)
    }

    /// Several file attributes are judged and shown in name order, the same in every run.
    @Test func fileAttributesInNameOrder() throws {
        let found = try evidence(
            "file: { path: /etc/shadow, uid: 0, gid: { le: 42 }, size: { gt: 0 } }",
            #"{"files":{"/etc/shadow":{"exists":true,"mode":"0640","uid":0,"gid":42,"size":900}}}"#)
        #expect(found.first?.expected == "gid ≤ 42 and size > 0 and uid = 0")
        #expect(found.first?.found == "exists, gid 42, size 900, uid 0")
    }

    /// The fact paths a check declares, as the catalogue coverage test reads them.
    @Test func declaredFactPaths() throws {
        func paths(_ check: String) throws -> [String] {
            ResourceResolvers.factPaths(of: try rule(check).check).map(\.description)
        }
        #expect(try paths("config: { source: sshd, key: permitrootlogin, in: [\"no\"] }") == ["config.sshd"])
        #expect(
            try paths("items: { path: tls.certificates, where: { key_type: rsa, key_bits: { lt: 2048 } } }") == [
                "tls.certificates", "tls.certificates.[].key_bits", "tls.certificates.[].key_type",
            ])
        #expect(try paths("account: { where: { uid: 0 } }") == ["accounts.accounts", "accounts.accounts.[].uid"])
        #expect(try paths("file: { path: /root/.rhosts, exists: false }") == ["files./root/.rhosts"])
        #expect(try paths("service: { name: auditd, enabled: true }") == ["services.units.*.enabled"])
    }

    /// Finding nothing in a `lan.*` list is an observation, not a proof; in a host inventory it is.
    @Test func onlyObservedSectionsNeedAnAbsenceProof() throws {
        let lan = try finding(
            "items: { path: lan.services, where: { port: 23 } }", #"{"lan":{"services":[{"port":80}]}}"#)
        #expect(lan.status == .notAssessed)
        let backup = try finding(
            "items: { path: backup.jobs, where: { tool: ftp } }", #"{"backup":{"jobs":[{"tool":"rsync"}]}}"#)
        #expect(backup.status == .pass)
    }
}
