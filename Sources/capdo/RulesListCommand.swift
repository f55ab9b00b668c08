import ArgumentParser
import CapdoCore

/// `capdo rules list`: one line per rule.
struct RulesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the rules: id, item, severity, kind, title.",
        discussion: "Example: capdo rules list --lang en | grep srv.auth")

    @OptionGroup var rules: RulesDirectoryOption
    @Option(name: .long, help: "Title language: vi (default) or en.") var lang: String = "vi"

    func run() throws {
        try rules.withCatalog { catalog in
            let language = Language(rawValue: lang) ?? .vi
            for rule in catalog.rules.sorted(by: { $0.id < $1.id }) {
                let kind = rule.manual ? "manual" : "auto"
                print(
                    "\(rule.id)\t\(rule.requirement.tt12)\t\(rule.severity.rawValue)\t\(kind)\t\(rule.title.text(language))"
                )
            }
            for problem in catalog.problems { Console.warn("warning: \(problem.description)") }
            let manual = catalog.rules.filter(\.manual).count
            Console.warn(
                "\(catalog.rules.count) rules (\(catalog.rules.count - manual) automated, \(manual) manual attestation)"
            )
        }
    }
}
