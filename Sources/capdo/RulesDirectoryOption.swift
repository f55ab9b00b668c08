import ArgumentParser
import CapdoRules

/// The optional rules directory argument shared by the `rules` subcommands.
struct RulesDirectoryOption: ParsableArguments {
    @Argument(help: "Rules directory (default: the shipped Rules/).")
    var directory: String?

    func load() throws -> RuleCatalog { try Self.load(directory) }

    static func load(_ directory: String?) throws -> RuleCatalog {
        guard let path = directory ?? RuleCatalog.locateShipped(executable: CommandLine.arguments.first) else {
            Console.warn("capdo: the Rules/ directory was not found; pass it as an argument or set CAPDO_RULES")
            throw ExitCodes.scannerError
        }
        do {
            return try RuleCatalog.load(directory: path)
        } catch {
            Console.warn("capdo: \(error.description)")
            throw ExitCodes.scannerError
        }
    }
}
