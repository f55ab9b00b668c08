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
}
