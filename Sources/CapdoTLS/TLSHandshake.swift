import CapdoCore
internal import CCapdoOpenSSLShims
internal import COpenSSL
import Foundation

/// Runs one TLS handshake on a non-blocking socket, bounded by a deadline, and classifies the result.
struct TLSHandshake {
    var context: TLSClientContext
    var options: TLSProbeOptions

    func attempt(_ request: HandshakeRequest, target: TLSTarget, address: ResolvedAddress) -> HandshakeOutcome {
        let outcome = connected(request, target: target, address: address) { ssl, _ in
            details(ssl, keepChain: request.keepChain)
        }
        switch outcome {
        case .open(let details): return .accepted(details)
        case .ended(let outcome): return outcome
        }
    }

    /// The result of `body` run on a completed handshake, or how the handshake ended otherwise.
    enum Connected<Value> {
        case open(Value)
        case ended(HandshakeOutcome)
    }

    /// Connects, runs STARTTLS when asked and completes a handshake within the deadlines, then hands the session and
    /// its socket to `body` (the one connection path of the matrix and the HTTP probe).
    func connected<Value>(
        _ request: HandshakeRequest, target: TLSTarget, address: ResolvedAddress,
        _ body: (OpaquePointer, PlainSocket) -> Value
    ) -> Connected<Value> {
        let socket: PlainSocket
        do {
            socket = try PlainSocket(connectingTo: address, timeout: options.connectTimeout)
            if let dialect = target.starttls {
                try StartTLSDialogue.run(dialect, on: socket, deadline: Deadline(seconds: options.connectTimeout))
            }
        } catch {
            return .ended(.failed(error))
        }
        _ = OpenSSLErrorQueue.drain()
        guard let ssl = SSL_new(context.pointer) else {
            return .ended(.failed(CapdoError(.openssl, "SSL_new failed", cause: OpenSSLErrorQueue.drainedReason())))
        }
        defer { SSL_free(ssl) }
        _ = CCapdoOpenSSLShims_SSL_set_min_proto_version(ssl, request.minVersion)
        _ = CCapdoOpenSSLShims_SSL_set_max_proto_version(ssl, request.maxVersion)
        SSL_set_security_level(ssl, 0)
        guard SSL_set_cipher_list(ssl, request.cipherList) == 1 else {
            return .ended(.untestable("the local OpenSSL offers no suite for '\(request.cipherList)'"))
        }
        if !X509Certificate.isIPLiteral(target.host) {
            _ = CCapdoOpenSSLShims_SSL_set_tlsext_host_name(ssl, target.host)
        }
        _ = SSL_set_fd(ssl, socket.descriptor)
        let deadline = Deadline(seconds: options.handshakeTimeout)
        while true {
            let result = SSL_connect(ssl)
            if result == 1 { break }
            let code = SSL_get_error(ssl, result)
            if code == SSL_ERROR_WANT_READ || code == SSL_ERROR_WANT_WRITE {
                let events = Int16(code == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT)
                let ready = (try? socket.wait(for: events, deadline: deadline)) ?? false
                if !ready {
                    let sent = SSL_get_state(ssl) != TLS_ST_BEFORE
                    return .ended(
                        .failed(
                            CapdoError(
                                .timeout,
                                "TLS handshake timed out after \(PlainSocket.seconds(options.handshakeTimeout))"
                                    + (sent ? " (no complete reply to the ClientHello)" : ""))))
                }
                continue
            }
            return .ended(classify(code: code, result: result, ssl: ssl))
        }
        return .open(body(ssl, socket))
    }

    private func classify(code: Int32, result: Int32, ssl: OpaquePointer) -> HandshakeOutcome {
        let systemErrno = errno
        let reason = OpenSSLErrorQueue.drainedReason()
        let text = reason ?? ""
        if text.contains("no protocols available") || text.contains("no ciphers available") {
            return .untestable("the local OpenSSL cannot offer this: \(text)")
        }
        let received = SSL_get_state(ssl) != TLS_ST_CW_CLNT_HELLO && SSL_get_state(ssl) != TLS_ST_BEFORE
        if text.contains("wrong version number") || text.contains("packet length too long")
            || text.contains("http request") || text.contains("record layer failure")
        {
            // A non-TLS answer (HTTP, SSH banner…) to the ClientHello.
            if !text.contains("wrong version number") || !received {
                return .failed(CapdoError(.notTLS, "the service does not speak TLS", cause: text))
            }
        }
        if code == SSL_ERROR_SYSCALL || code == SSL_ERROR_ZERO_RETURN || text.contains("unexpected eof") {
            if text.isEmpty && systemErrno != 0 && result < 0 {
                return .failed(
                    CapdoError(
                        .closed, "connection lost during the handshake", cause: String(cString: strerror(systemErrno))))
            }
            return .failed(CapdoError(.closed, "server closed the connection during the handshake", cause: reason))
        }
        if text.contains("wrong version number") {
            return .failed(CapdoError(.notTLS, "the service does not speak TLS", cause: text))
        }
        return .rejected(text.isEmpty ? "handshake failed (SSL error \(code))" : text)
    }

    private func details(_ ssl: OpaquePointer, keepChain: Bool) -> HandshakeDetails {
        let cipher = SSL_get_current_cipher(ssl)
        var chain: [X509Certificate] = []
        if keepChain, let stack = SSL_get_peer_cert_chain(ssl) {
            for index in 0..<CCapdoOpenSSLShims_sk_X509_num(stack) {
                if let certificate = CCapdoOpenSSLShims_sk_X509_value(stack, index) {
                    chain.append(X509Certificate(retaining: certificate))
                }
            }
        }
        let verify = SSL_get_verify_result(ssl)
        let verifyText =
            verify == Int(X509_V_OK)
            ? "ok" : X509_verify_cert_error_string(verify).map { String(cString: $0) } ?? "error \(verify)"
        _ = SSL_shutdown(ssl)
        _ = OpenSSLErrorQueue.drain()
        return HandshakeDetails(
            version: String(cString: SSL_get_version(ssl)),
            cipher: cipher.flatMap { SSL_CIPHER_get_name($0) }.map { String(cString: $0) } ?? "?",
            cipherHasNoEncryption: cipher.map { SSL_CIPHER_get_cipher_nid($0) == NID_undef } ?? false,
            cipherHasNoAuthentication: cipher.map { SSL_CIPHER_get_auth_nid($0) == NID_auth_null } ?? false,
            chain: chain, verifyResult: verifyText, verified: verify == Int(X509_V_OK))
    }
}
