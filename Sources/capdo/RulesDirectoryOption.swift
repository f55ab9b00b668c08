import ArgumentParser
import CapdoApp
import CapdoCore
import CapdoRules

/// The optional rules directory argument shared by the `rules` subcommands.
struct RulesDirectoryOption: ParsableArguments {
    @Argument(help: "Rules directory (default: the shipped Rules/).")
    var directory: String?

    /// Runs a `rules` subcommand's body on the loaded catalogue; a catalogue that cannot be loaded ends it with
    /// `capdo: <why>` and exit 1.
    func withCatalog(_ body: (RuleCatalog) throws -> Void) throws {
        try ErrorReport.reported { try body(Self.load(directory)) }
    }

    static func load(_ directory: String?) throws(CapdoError) -> RuleCatalog {
        try RuleCatalog.load(
            directory: RuleSetChoice.rulesDirectory(directory, naming: "pass it as an argument"))
    }
}
