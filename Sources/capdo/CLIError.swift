import ArgumentParser

/// Errors that end a command with a message and the design's exit code.
enum CLIError: Error, CustomStringConvertible {
    case usage(String)
    case scanner(String)
    /// Another capdo run holds the lock: exit 3, nothing scanned.
    case locked(String)

    var description: String {
        switch self {
        case .usage(let message), .scanner(let message), .locked(let message): return message
        }
    }

    var exitCode: ExitCode {
        switch self {
        case .usage: return ExitCodes.usage
        case .scanner: return ExitCodes.scannerError
        case .locked: return ExitCodes.locked
        }
    }

    /// Runs a command body; a `CLIError` is printed as `capdo: …` and becomes its exit code.
    static func reported(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as CLIError {
            Console.warn("capdo: \(error.description)")
            throw error.exitCode
        }
    }

    /// The same for synchronous commands.
    static func reported(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as CLIError {
            Console.warn("capdo: \(error.description)")
            throw error.exitCode
        }
    }
}
