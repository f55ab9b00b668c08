import ArgumentParser
import CapdoCore

/// How a command ends on a `CapdoError`: `capdo: <message>` on standard error, and the exit code the error's code
/// gives (`CapdoError.Code.exitCode`).
enum ErrorReport {
    static func reported(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as CapdoError {
            Console.warn("capdo: \(error.description)")
            throw ExitCode(error.exitCode)
        }
    }

    /// The same for synchronous commands.
    static func reported(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as CapdoError {
            Console.warn("capdo: \(error.description)")
            throw ExitCode(error.exitCode)
        }
    }
}
