/// The one error type: a code, what went wrong and what to do, and the underlying cause (the drained OpenSSL error
/// queue, a pcap errbuf, the system error).
///
/// The code says which input or step failed, and decides the exit code in one place (`Code.exitCode`), so no call
/// site chooses one.
public struct CapdoError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// A command-line value or combination that cannot work.
        case usage
        /// capdo.yaml, a profile file or a waivers file named by the user could not be read or is invalid.
        case config, profile, waivers
        case ruleSyntax, ruleInvalid, snapshot, capture, io, output, internalError
        /// A certificate file or an endpoint: unreadable, not a certificate, no address, no connection, no answer in
        /// time, closed, not TLS, a failed handshake or STARTTLS dialogue, an OpenSSL failure.
        case unreadable, notACertificate, resolve, connect, timeout, closed, notTLS, handshake, starttls, openssl
        /// The history database could not be opened, read or written.
        case history
        /// Another capdo run holds the lock: nothing was scanned.
        case locked

        /// The design's exit code: 64 for a usage error (a bad option, or a configuration, profile or waivers file
        /// the user named), 3 when another run holds the lock, 1 for every other scanner error.
        public var exitCode: Int32 {
            switch self {
            case .usage, .config, .profile, .waivers: return 64
            case .locked: return 3
            default: return 1
            }
        }
    }

    public var code: Code
    public var message: String
    public var cause: String?

    public init(_ code: Code, _ message: String, cause: String? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// The same message and cause under another code: the input it concerns (a profile file's YAML error is a
    /// `.profile` error to the command that was given the file).
    public func coded(_ code: Code) -> CapdoError {
        CapdoError(code, message, cause: cause)
    }

    /// The exit code this error ends a command with.
    public var exitCode: Int32 { code.exitCode }

    public var description: String {
        if let cause, !cause.isEmpty { return "\(message) (\(cause))" }
        return message
    }
}
