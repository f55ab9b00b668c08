import ArgumentParser

/// The exit codes of the design: 0 compliant, 2 non-compliant, 1 scanner error, 3 another run holds the lock,
/// 64 usage error.
enum ExitCodes {
    static let compliant = ExitCode(0)
    static let scannerError = ExitCode(1)
    static let nonCompliant = ExitCode(2)
    static let locked = ExitCode(3)
    static let usage = ExitCode(64)
}
