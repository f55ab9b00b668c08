internal import COpenSSL

/// Drains OpenSSL's thread-local error queue into readable text (the cause carried by TLS errors).
enum OpenSSLErrorQueue {
    /// Every queued error as `error:0A000102:SSL routines::unsupported protocol`, oldest first; empties the queue.
    static func drain() -> [String] {
        var messages: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            buffer.withUnsafeMutableBufferPointer { pointer in
                ERR_error_string_n(code, pointer.baseAddress, pointer.count)
            }
            messages.append(buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        }
        return messages
    }

    /// The queue's reasons only (`unsupported protocol`), joined; nil when the queue is empty.
    static func drainedReason() -> String? {
        let messages = drain()
        guard !messages.isEmpty else { return nil }
        return messages.map { message in
            // error:0A000102:SSL routines:func:reason → reason (keep the whole text when it has another shape).
            let parts = message.split(separator: ":", omittingEmptySubsequences: false)
            return parts.count >= 5 ? parts[4...].joined(separator: ":") : message
        }.joined(separator: "; ")
    }
}
