import CapdoCore
internal import CCapdoOpenSSLShims
internal import COpenSSL

/// The one client `SSL_CTX` every probe shares: trust store loaded, no verification abort.
///
/// `@unchecked Sendable`: configured once in `init`, then only read (`SSL_new`), which OpenSSL makes thread-safe.
final class TLSClientContext: @unchecked Sendable {
    let pointer: OpaquePointer

    /// Trusts `caFile` when given, else the system store.
    init(caFile: String?) throws(CapdoError) {
        _ = OpenSSLErrorQueue.drain()
        guard let method = TLS_client_method(), let context = SSL_CTX_new(method) else {
            throw CapdoError(
                .openssl, "cannot create an OpenSSL client context", cause: OpenSSLErrorQueue.drainedReason())
        }
        pointer = context
        // Certificates are wanted even when they do not verify: record the result, never abort on it.
        SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nil)
        if let caFile {
            guard SSL_CTX_load_verify_locations(context, caFile, nil) == 1 else {
                throw CapdoError(.usage, "cannot load CA file '\(caFile)'", cause: OpenSSLErrorQueue.drainedReason())
            }
        } else {
            _ = SSL_CTX_set_default_verify_paths(context)
        }
        CCapdoOpenSSLShims_SSL_CTX_set_probe_options(context)
        _ = OpenSSLErrorQueue.drain()
    }

    deinit { SSL_CTX_free(pointer) }

    /// Whether the local OpenSSL can offer any suite of `cipherList` (at security level 0).
    static func canOffer(cipherList: String) -> Bool {
        guard let method = TLS_client_method(), let context = SSL_CTX_new(method) else { return false }
        defer { SSL_CTX_free(context) }
        let ok = SSL_CTX_set_cipher_list(context, cipherList + ":@SECLEVEL=0") == 1
        _ = OpenSSLErrorQueue.drain()
        return ok
    }

    /// `OpenSSL 3.0.19 27 Jan 2026`
    static var libraryVersion: String {
        OpenSSL_version(Int32(OPENSSL_VERSION)).map { String(cString: $0) } ?? "OpenSSL"
    }
}
