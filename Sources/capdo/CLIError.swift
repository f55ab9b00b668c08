import ArgumentParser

/// Errors that end a command with a message and the design's exit code.
enum CLIError: Error, CustomStringConvertible {
    case usage(String)
    case scanner(String)

    var description: String {
        switch self {
        case .usage(let message), .scanner(let message): return message
        }
    }

    var exitCode: ExitCode {
        switch self {
        case .usage: return ExitCodes.usage
        case .scanner: return ExitCodes.scannerError
        }
    }
}
