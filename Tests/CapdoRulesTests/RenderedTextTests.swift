import CapdoCore
import Foundation
import Testing

@testable import CapdoRules

/// Text a report prints is final text: no `${…}` survives the profile's values.
@Suite("Rendered rule text")
struct RenderedTextTests {
    /// The bug: Windows remediation printed `${password_min_length}` unfilled.
    @Test func findingsCarryTheProfilesValues() throws {
        let catalog = try RuleCatalog.shipped()
        let profile = try #require(catalog.profile("level2"))
        let engine = RuleEngine(profile: profile, now: RuleExampleRunner.exampleTime)
        let withVariables = catalog.rules.filter(\.textRefersToVariables)
        #expect(!withVariables.isEmpty)
        for rule in withVariables {
            let finding = engine.evaluate(rule, facts: .object([:]), host: "h")
            for text in [finding.title.vi, finding.title.en, finding.remediation.vi, finding.remediation.en] {
                #expect(!text.contains("${"), "\(rule.id): \(text)")
            }
        }
        let length = try #require(catalog.rules.first { $0.id == "win.auth.password_min_length" })
        let rendered = engine.rendered(length)
        let value = try #require(profile.variables["password_min_length_no_mfa"]?.value.display)
        #expect(rendered.remediation.vi.contains(value) || rendered.remediation.en.contains(value))
    }

    @Test func lintFailsTextThatKeepsAVariable() throws {
        var catalog = try RuleCatalog.shipped()
        var rule = catalog.rules[0]
        rule.remediation = LocalizedText(vi: "Đặt ${khong_co} ký tự", en: "Set ${khong_co} characters")
        catalog.rules[0] = rule
        let problems = CatalogLinter.lint(catalog)
        #expect(problems.contains { $0.contains("text still holds a variable") && $0.contains("${khong_co}") })
    }

    /// Operands and rule texts go through one substitution: known names filled, the first unknown one named and
    /// left as written, an unterminated `${` left alone (the operand path used to repeat the text before it).
    @Test func oneSubstitutionForOperandsAndTexts() {
        let values = ["min": "14", "days": "90"]
        #expect(EvaluationContext.fill("≥ ${min} ký tự, ${days} ngày") { values[$0] } == ("≥ 14 ký tự, 90 ngày", nil))
        #expect(EvaluationContext.fill("${nope} và ${min}") { values[$0] } == ("${nope} và 14", "nope"))
        #expect(EvaluationContext.fill("a ${min") { values[$0] } == ("a ${min", nil))
    }
}
