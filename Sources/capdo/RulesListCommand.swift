import ArgumentParser
import CapdoCore

/// `capdo rules list`: one line per rule, or with `--items` one line per Phụ lục II item.
struct RulesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the rules: id, item, severity, coverage strength, title.",
        discussion: """
            The fourth column says how strongly the rule covers its item (controls file): automated, partial or \
            attestation. With --items, one line per Phụ lục II item: its coverage and each rule with its strength.
            Examples: capdo rules list --lang en | grep srv.auth
                      capdo rules list --items
            """)

    @OptionGroup var rules: RulesDirectoryOption
    @Option(name: .long, help: "Title language: vi (default) or en.") var lang: String = "vi"
    @Flag(name: .long, help: "One line per Phụ lục II item with the rules that cover it and how strongly.")
    var items = false

    func run() throws {
        try rules.withCatalog { catalog in
            let language = Language(rawValue: lang) ?? .vi
            if items {
                for control in catalog.controls {
                    let covered = control.ruleCoverage.map { "\($0.rule) (\($0.strength.rawValue))" }
                    print(
                        "\(control.reference)\t\(control.coverage.rawValue)\t\(control.title.text(language))\t"
                            + (covered.isEmpty ? "-" : covered.joined(separator: ", ")))
                }
            } else {
                for rule in catalog.rules.sorted(by: { $0.id < $1.id }) {
                    print(
                        "\(rule.id)\t\(rule.requirement.tt12)\t\(rule.severity.rawValue)\t"
                            + "\(Self.strength(of: rule, catalog.controls))\t\(rule.title.text(language))")
                }
            }
            for problem in catalog.problems { Console.warn("warning: \(problem.description)") }
            let manual = catalog.rules.filter(\.manual).count
            Console.warn(
                "\(catalog.rules.count) rules (\(catalog.rules.count - manual) automated, \(manual) manual attestation)"
            )
        }
    }

    /// The rule's strength on the items that list it (`partial`; `automated/partial` when items differ), else
    /// `attestation` for a manual rule and `unlisted` for one no item lists.
    static func strength(of rule: Rule, _ controls: [ControlItem]) -> String {
        let strengths = controls.filter { $0.rules.contains(rule.id) }.map { $0.strength(of: rule.id).rawValue }
        if strengths.isEmpty { return rule.manual ? CoverageStrength.attestation.rawValue : "unlisted" }
        var seen: Set<String> = []
        return strengths.filter { seen.insert($0).inserted }.joined(separator: "/")
    }
}
