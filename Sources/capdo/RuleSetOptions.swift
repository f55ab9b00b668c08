import ArgumentParser
import CapdoApp

/// Options that choose the rules, the profile, the waivers and the configuration file.
struct RuleSetOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration file (capdo.yaml). Flags override it.")
    var config: String?

    @Option(name: .long, help: "Profile id from the rule set (default level2) or a profile YAML file.")
    var profile: String?

    @Option(name: .long, help: "Rules directory (default: the shipped Rules/).")
    var rules: String?

    @Option(name: .long, help: "Waivers file (waivers.yaml).")
    var waivers: String?

    var choice: RuleSetChoice { RuleSetChoice(config: config, profile: profile, rules: rules, waivers: waivers) }
}
