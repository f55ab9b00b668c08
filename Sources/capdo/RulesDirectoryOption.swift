import ArgumentParser
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
        guard let path = directory ?? RuleCatalog.locateShipped(executable: CommandLine.arguments.first) else {
            throw CapdoError(.io, "the Rules/ directory was not found; pass it as an argument or set CAPDO_RULES")
        }
        return try RuleCatalog.load(directory: path)
    }
}
