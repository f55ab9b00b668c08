import Foundation
import Synchronization

/// A loopback TCP listener that misbehaves on purpose: speaks HTTP, says nothing, or hangs up mid-handshake.
final class TestListener: Sendable {
    enum Behaviour: Sendable {
        /// Answers whatever arrives with an HTTP 400 and closes.
        case http
        /// Accepts and never sends a byte.
        case silent
        /// Reads the ClientHello, sends half a ServerHello record, then closes.
        case closeMidHandshake
    }

    let port: Int
    private let descriptor: Int32
    private let stopped = Atomic<Bool>(false)
    private let clients = Mutex<[Int32]>([])

    init(_ behaviour: Behaviour) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 64) == 0 else { throw OpenSSLCLI.Failure(description: "bind failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        descriptor = fd
        let thread = Thread { [self] in acceptLoop(behaviour) }
        thread.start()
    }

    /// A port nothing listens on (bound, then closed).
    static func closedPort() -> Int {
        guard let listener = try? TestListener(.silent) else { return 9 }
        let port = listener.port
        listener.stop()
        return port
    }

    func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        shutdown(descriptor, Int32(SHUT_RDWR))
        close(descriptor)
        clients.withLock { list in
            for client in list { close(client) }
            list.removeAll()
        }
    }

    deinit { stop() }

    private func acceptLoop(_ behaviour: Behaviour) {
        while !stopped.load(ordering: .acquiring) {
            let client = accept(descriptor, nil, nil)
            guard client >= 0 else { return }
            var buffer = [UInt8](repeating: 0, count: 4_096)
            switch behaviour {
            case .silent:
                clients.withLock { $0.append(client) }
            case .http:
                _ = recv(client, &buffer, buffer.count, 0)
                let reply = Array("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)
                _ = send(client, reply, reply.count, Int32(MSG_NOSIGNAL))
                close(client)
            case .closeMidHandshake:
                _ = recv(client, &buffer, buffer.count, 0)
                // A handshake record header announcing 512 bytes, then only 4 of them.
                let partial: [UInt8] = [0x16, 0x03, 0x03, 0x02, 0x00, 0x02, 0x00, 0x01, 0xFC]
                _ = send(client, partial, partial.count, Int32(MSG_NOSIGNAL))
                close(client)
            }
        }
    }
}
