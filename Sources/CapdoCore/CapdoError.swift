/// The one error type: a code, what went wrong and what to do, and the underlying cause.
public struct CapdoError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case usage, ruleSyntax, ruleInvalid, profile, waivers, config, snapshot, capture, io, output, internalError
    }

    public var code: Code
    public var message: String
    public var cause: String?

    public init(_ code: Code, _ message: String, cause: String? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String {
        if let cause { return "\(message) (\(cause))" }
        return message
    }
}
