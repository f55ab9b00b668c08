import CapdoCore
import Foundation

/// A non-blocking TCP socket with deadline-bounded connect, read and write (for TCP setup and STARTTLS).
///
/// Owned by one probe on one thread; closes its descriptor in `deinit`.
final class PlainSocket {
    let descriptor: Int32

    /// Connects to `address` within `timeout` seconds.
    init(connectingTo address: ResolvedAddress, timeout: Double) throws(CapdoError) {
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else {
            throw CapdoError(.connect, "cannot create a socket", cause: String(cString: strerror(errno)))
        }
        descriptor = fd
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        let result = address.bytes.withUnsafeBytes { raw in
            Glibc.connect(fd, raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t(raw.count))
        }
        if result == 0 { return }
        guard errno == EINPROGRESS else {
            throw CapdoError(.connect, "cannot connect to \(address.text)", cause: String(cString: strerror(errno)))
        }
        let deadline = Deadline(seconds: timeout)
        guard try wait(for: Int16(POLLOUT), deadline: deadline) else {
            throw CapdoError(.timeout, "TCP connect to \(address.text) timed out after \(Self.seconds(timeout))")
        }
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        _ = getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
        guard error == 0 else {
            throw CapdoError(.connect, "cannot connect to \(address.text)", cause: String(cString: strerror(error)))
        }
    }

    deinit { close(descriptor) }

    /// Waits until the socket is ready for `events`; false when the deadline passed.
    func wait(for events: Int16, deadline: Deadline) throws(CapdoError) -> Bool {
        while true {
            let remaining = deadline.remainingMilliseconds
            if remaining == 0 { return false }
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = poll(&entry, 1, remaining)
            if ready > 0 { return true }
            if ready == 0 { return false }
            if errno != EINTR { throw CapdoError(.connect, "poll failed", cause: String(cString: strerror(errno))) }
        }
    }

    /// Sends all of `text` before the deadline.
    func send(_ text: String, deadline: Deadline) throws(CapdoError) {
        var bytes = Array(text.utf8)
        while !bytes.isEmpty {
            let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent > 0 {
                bytes.removeFirst(sent)
            } else if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
                guard try wait(for: Int16(POLLOUT), deadline: deadline) else {
                    throw CapdoError(.timeout, "send timed out")
                }
            } else {
                throw CapdoError(.closed, "connection lost while sending", cause: String(cString: strerror(errno)))
            }
        }
    }

    /// Reads lines until one satisfies `isLast` (a reply's final line); returns all lines read.
    func readReply(deadline: Deadline, isLast: (String) -> Bool) throws(CapdoError) -> [String] {
        var pending: [UInt8] = []
        var lines: [String] = []
        var buffer = [UInt8](repeating: 0, count: 1)
        // One byte at a time so nothing after the reply (the TLS handshake) is swallowed.
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, 1, 0) }
            if count == 1 {
                if buffer[0] == 10 {
                    let line = String(decoding: pending, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                    lines.append(line)
                    pending.removeAll()
                    if isLast(line) { return lines }
                    if lines.count > 200 { throw CapdoError(.starttls, "reply too long") }
                } else if pending.count < 4_096 {
                    pending.append(buffer[0])
                }
            } else if count == 0 {
                throw CapdoError(.closed, "server closed the connection", cause: lines.last)
            } else if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
                guard try wait(for: Int16(POLLIN), deadline: deadline) else {
                    throw CapdoError(.timeout, "no reply before the timeout", cause: lines.last)
                }
            } else {
                throw CapdoError(.closed, "connection lost while reading", cause: String(cString: strerror(errno)))
            }
        }
    }

    /// Reads until the peer closes, `limit` bytes arrived or the deadline passed; `cut` when it stopped early.
    /// Nothing at all before the deadline is a `.timeout` error.
    func receive(limit: Int, deadline: Deadline) throws(CapdoError) -> (bytes: [UInt8], cut: Bool) {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while bytes.count < limit {
            let wanted = min(buffer.count, limit - bytes.count)
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, wanted, 0) }
            if count > 0 {
                bytes += buffer[0..<count]
            } else if count == 0 {
                return (bytes, false)
            } else if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
                guard try wait(for: Int16(POLLIN), deadline: deadline) else {
                    if bytes.isEmpty { throw CapdoError(.timeout, "no reply before the timeout") }
                    return (bytes, true)
                }
            } else {
                if bytes.isEmpty {
                    throw CapdoError(.closed, "connection lost while reading", cause: String(cString: strerror(errno)))
                }
                return (bytes, true)
            }
        }
        return (bytes, true)
    }

    static func seconds(_ value: Double) -> String {
        Int(exactly: value).map { "\($0) s" } ?? "\(value) s"
    }
}
