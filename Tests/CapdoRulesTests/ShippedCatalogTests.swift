import CapdoCore
import Testing

@testable import CapdoRules

/// The shipped catalogue loads cleanly and every rule behaves as its own examples say.
@Suite("Shipped rule catalogue")
struct ShippedCatalogTests {
    static let catalog: RuleCatalog? = try? RuleCatalog.shipped()
    static var rules: [Rule] { catalog?.rules ?? [] }

    @Test func catalogueLoadsWithoutProblems() throws {
        let catalog = try RuleCatalog.shipped()
        #expect(catalog.problems.isEmpty, "\(catalog.problems.map(\.description).joined(separator: "\n"))")
        #expect(catalog.profile("level2") != nil)
        #expect(!catalog.controls.isEmpty)
    }

    @Test func lintIsClean() throws {
        let catalog = try RuleCatalog.shipped()
        let problems = CatalogLinter.lint(catalog)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func catalogueHasAtLeastFortyAutomatedRules() throws {
        let catalog = try RuleCatalog.shipped()
        let automated = catalog.rules.filter { !$0.manual }
        #expect(automated.count >= 40, "only \(automated.count) automated rules")
        #expect(catalog.rules.allSatisfy { !$0.requirement.tt12.isEmpty && !$0.requirement.tcvn11930.isEmpty })
    }

    @Test(arguments: ShippedCatalogTests.rules)
    func ruleBehavesAsItsExamplesSay(_ rule: Rule) throws {
        guard let profile = Self.catalog?.profile("level2") else {
            Issue.record("profile level2 missing")
            return
        }
        let outcomes = RuleExampleRunner.run(rule, profile: profile)
        #expect(outcomes.count >= 3)
        for outcome in outcomes {
            #expect(outcome.passed, "\(outcome)")
        }
    }
}

extension Rule: CustomTestStringConvertible {
    public var testDescription: String { id }
}
