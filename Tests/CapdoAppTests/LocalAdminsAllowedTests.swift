import CapdoApp
import CapdoCore
import CapdoRules
import Foundation
import Testing

/// capdo.yaml `local_admins_allowed` is the allow-list `win.access.local_admins_allowed` judges the Administrators
/// group against; without it every member other than the RID 500 account fails.
@Suite struct LocalAdminsAllowedTests {
    static let snapshot = Workspace.repository.appendingPathComponent("Samples/snapshots/pc-protected.json").path

    /// The verdict of the allow-list rule on the sample PC (members: its Administrator, LECHAN\it-admin).
    static func verdict(_ config: CapdoConfig) throws -> Finding {
        let loaded = try RuleSetChoice(rules: Workspace.rules).load(config: config, warn: { _ in })
        let data = try Data(contentsOf: URL(fileURLWithPath: snapshot))
        let (host, facts) = try SnapshotReader.read(data, file: snapshot)
        let rules = loaded.catalog.rules.filter { $0.id == "win.access.local_admins_allowed" }
        let result = RuleEngine(profile: loaded.profile, now: Date(timeIntervalSince1970: 1_795_856_400))
            .evaluate(rules, snapshot: host, facts: facts)
        return try #require(result.findings.first)
    }

    @Test func theSampleConfigAllowsTheDomainAdministrator() throws {
        let config = try CapdoConfigLoader.load(
            path: Workspace.repository.appendingPathComponent("Samples/capdo.yaml").path)
        #expect(
            config.variables[CapdoConfigLoader.localAdminsVariable]
                == .array([.string("LECHAN\\it-admin"), .string("LECHAN\\Domain Admins")]))
        #expect(try Self.verdict(config).status == .pass)
    }

    @Test func withoutTheListOtherMembersFail() throws {
        let finding = try Self.verdict(CapdoConfig())
        #expect(finding.status == .fail)
        // The RID 500 account is never counted against the list.
        let members = try #require(finding.evidence.first { $0.subject.contains(" where principal") })
        #expect(members.found == "1 matching: LECHAN\\it-admin")
    }

    @Test func aListOfNonNamesIsAConfigError() throws {
        let work = try Workspace()
        let file = try work.file("capdo.yaml", "local_admins_allowed:\n  - { name: x }\n")
        #expect {
            _ = try CapdoConfigLoader.load(path: file)
        } throws: { error in
            let error = try #require(error as? CapdoError)
            return error.code == .config && error.message.contains(":2:") || error.description.contains("capdo.yaml:")
        }
    }
}
