import CapdoApp
import CapdoCore
import CapdoRules
import Testing

/// Rule sets load in one place (`RuleSetChoice.load`); a bad input the user named is a usage error (64).
@Suite struct RuleSetChoiceTests {
    @Test func shippedLevel2WithConfigVariable() throws {
        var config = CapdoConfig()
        config.variables["password_max_days"] = .number(60)
        let loaded = try RuleSetChoice(rules: Workspace.rules).load(config: config, warn: { _ in })
        #expect(loaded.profile.id == "level2")
        #expect(!loaded.selectedRules.isEmpty)
        let variable = try #require(loaded.profile.variables["password_max_days"])
        #expect(variable.value == .number(60))
        #expect(variable.source.hasPrefix("capdo.yaml (default "))
    }

    @Test func profileFileExtendsTheCatalogue() throws {
        let work = try Workspace()
        let file = try work.file(
            "mine.yaml",
            """
            id: mine
            extends: level2
            exclude: ["srv.auth.*"]
            """)
        let loaded = try RuleSetChoice(profile: file, rules: Workspace.rules).load(
            config: CapdoConfig(), warn: { _ in })
        #expect(loaded.profile.id == "mine")
        #expect(!loaded.selectedRules.contains { $0.id.hasPrefix("srv.auth.") })
        #expect(loaded.selectedRules.contains { $0.id.hasPrefix("srv.") })
    }

    @Test func badInputsTheUserNamedAreUsageErrors() throws {
        let work = try Workspace()
        let broken = try work.file("broken.yaml", "id: [unclosed\n")
        let cases: [(RuleSetChoice, CapdoError.Code, String)] = [
            (RuleSetChoice(profile: "nosuch", rules: Workspace.rules), .profile, "unknown profile 'nosuch'; known:"),
            (
                RuleSetChoice(profile: work.path + "/missing.yaml", rules: Workspace.rules), .profile,
                "cannot read profile file"
            ),
            (RuleSetChoice(profile: broken, rules: Workspace.rules), .profile, broken + ":"),
            (
                RuleSetChoice(rules: Workspace.rules, waivers: work.path + "/none.yaml"), .waivers,
                "cannot read waivers file"
            ),
        ]
        for (choice, code, prefix) in cases {
            do {
                _ = try choice.load(config: CapdoConfig(), warn: { _ in })
                Issue.record("\(choice) loaded")
            } catch {
                #expect(error.code == code)
                #expect(error.exitCode == 64)
                #expect(error.message.hasPrefix(prefix), "\(error.message)")
            }
        }
    }

    @Test func missingRulesDirectoryIsAScannerError() throws {
        let error = try #require(
            thrown { () throws(CapdoError) in
                try RuleSetChoice(rules: "/nonexistent/rules").load(config: CapdoConfig(), warn: { _ in })
            })
        #expect(error.exitCode == 1)
    }

    @Test func brokenConfigIsAUsageError() throws {
        let work = try Workspace()
        let file = try work.file("capdo.yaml", "nosuchkey: 1\n")
        let error = try #require(thrown { () throws(CapdoError) in try RuleSetChoice.loadConfig(file) })
        #expect(error.code == .config)
        #expect(error.exitCode == 64)
    }
}
