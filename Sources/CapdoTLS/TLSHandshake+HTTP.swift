import CapdoCore
internal import COpenSSL
import Foundation

/// One HTTP exchange inside a TLS session opened by the matrix's own connection path.
extension TLSHandshake {
    /// Any version and suite the server and the local OpenSSL share: the page is wanted, not the matrix.
    static let anyVersion = HandshakeRequest(
        minVersion: TLS1_VERSION, maxVersion: TLS1_3_VERSION, cipherList: "ALL:COMPLEMENTOFALL:@SECLEVEL=0",
        keepChain: false)

    /// Sends `request` after a handshake and reads the reply until the server closes, `limit` bytes or the timeout.
    func exchange(_ request: String, target: TLSTarget, address: ResolvedAddress, limit: Int) -> Result<
        (bytes: [UInt8], cut: Bool), CapdoError
    > {
        let outcome = connected(Self.anyVersion, target: target, address: address) { ssl, socket in
            Self.transfer(
                request, ssl: ssl, socket: socket, limit: limit, deadline: Deadline(seconds: options.handshakeTimeout))
        }
        switch outcome {
        case .open(let result): return result
        case .ended(.failed(let error)): return .failure(error)
        case .ended(.rejected(let reason)), .ended(.untestable(let reason)):
            return .failure(CapdoError(.handshake, "TLS handshake failed", cause: reason))
        case .ended(.accepted): return .failure(CapdoError(.internalError, "handshake ended without a session"))
        }
    }

    private static func transfer(
        _ request: String, ssl: OpaquePointer, socket: PlainSocket, limit: Int, deadline: Deadline
    ) -> Result<(bytes: [UInt8], cut: Bool), CapdoError> {
        var pending = Array(request.utf8)
        while !pending.isEmpty {
            let written = pending.withUnsafeBytes { SSL_write(ssl, $0.baseAddress, Int32($0.count)) }
            if written > 0 {
                pending.removeFirst(Int(written))
                continue
            }
            guard wait(ssl, written, socket, deadline) else {
                return .failure(CapdoError(.timeout, "sending the HTTP request timed out"))
            }
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while bytes.count < limit {
            let wanted = Int32(min(buffer.count, limit - bytes.count))
            let count = buffer.withUnsafeMutableBytes { SSL_read(ssl, $0.baseAddress, wanted) }
            if count > 0 {
                bytes += buffer[0..<Int(count)]
                continue
            }
            let code = SSL_get_error(ssl, count)
            if code == SSL_ERROR_ZERO_RETURN || code == SSL_ERROR_SYSCALL || code == SSL_ERROR_SSL {
                _ = OpenSSLErrorQueue.drain()
                // A server that closes without close_notify has still sent its whole reply.
                return bytes.isEmpty
                    ? .failure(CapdoError(.closed, "the server closed the connection without an HTTP reply"))
                    : .success((bytes, false))
            }
            guard wait(ssl, count, socket, deadline) else {
                return bytes.isEmpty
                    ? .failure(CapdoError(.timeout, "no HTTP reply before the timeout")) : .success((bytes, true))
            }
        }
        return .success((bytes, true))
    }

    /// Waits for what OpenSSL asked for after `result`; false on timeout or any other error.
    private static func wait(_ ssl: OpaquePointer, _ result: Int32, _ socket: PlainSocket, _ deadline: Deadline) -> Bool
    {
        let code = SSL_get_error(ssl, result)
        guard code == SSL_ERROR_WANT_READ || code == SSL_ERROR_WANT_WRITE else { return false }
        let events = Int16(code == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT)
        return (try? socket.wait(for: events, deadline: deadline)) ?? false
    }
}
