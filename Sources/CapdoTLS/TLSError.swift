/// Why a certificate could not be parsed or an endpoint could not be checked, with the OpenSSL error queue.
public struct TLSError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case unreadable, notACertificate, resolve, connect, timeout, closed, notTLS, handshake, starttls, openssl
    }

    public var code: Code
    public var message: String
    /// The drained OpenSSL error queue or the system error, when there was one.
    public var cause: String?

    public init(_ code: Code, _ message: String, cause: String? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String {
        if let cause, !cause.isEmpty { return "\(message) (\(cause))" }
        return message
    }
}
