import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("ListenersCollector: /proc/net parsing, checked against ss")
struct ListenersCollectorTests {
    @Test func parsesTcpAndUdpTables() {
        let tcp = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1234 1 0
               1: 0100007F:1538 00000000:0000 0A 00000000:00000000 00:00000000 00000000   105        0 99 1
               2: 0100007F:A1B2 0100007F:0016 01 00000000:00000000 00:00000000 00000000     0        0 77 1
            bogus
            """
        let parsed = ProcNetParser.parse(tcp, protocolName: "tcp", ipv6: false, file: "proc/net/tcp")
        #expect(parsed.entries.map(\.socket.port) == [22, 5432])
        #expect(parsed.entries.map(\.socket.address) == ["0.0.0.0", "127.0.0.1"])
        #expect(parsed.entries.map(\.socket.loopback) == [false, true])
        #expect(parsed.entries.map(\.inode) == [1234, 99])
        #expect(parsed.entries[0].socket.line == 2)
        #expect(parsed.issues.map(\.line) == [5])
        let tcp6 = """
              sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 00000000000000000000000001000000:0277 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 55 1
               1: 00000000000000000000000000000000:0016 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 56 1
               2: B80D0120000000000000000001000000:01BB 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 57 1
               3: 0000000000000000FFFF00000100007F:0035 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 58 1
            """
        let six = ProcNetParser.parse(tcp6, protocolName: "tcp", ipv6: true, file: "proc/net/tcp6")
        #expect(six.entries.map(\.socket.address) == ["::1", "::", "2001:db8::1"])
        #expect(six.entries.map(\.socket.loopback) == [true, false, false])
        let udp6 = ProcNetParser.parse(tcp6, protocolName: "udp", ipv6: true, file: "proc/net/udp6")
        #expect(udp6.entries.map(\.socket.address) == ["::ffff:127.0.0.1"])
        #expect(udp6.entries.first?.socket.loopback == true)
    }

    @Test func absentUnderARoot() async throws {
        let root = try TemporaryDirectory()
        #expect(await ListenersCollector().collect(in: root.environment()).listeners == nil)
    }

    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/ss")
                || FileManager.default.isExecutableFile(atPath: "/bin/ss"), "ss (iproute2) not installed"))
    func seesARealListenerAndAgreesWithSs() async throws {
        let listener = try LoopbackListener()
        let before = Self.ssPorts()
        let output = await ListenersCollector().collect(in: HostEnvironment(root: "/", now: Date()))
        let after = Self.ssPorts()
        let sockets = try #require(output.listeners?.sockets)
        let mine = try #require(
            sockets.first { $0.protocol == "tcp" && $0.port == listener.port && $0.family == "ipv4" })
        #expect(mine.address == "127.0.0.1")
        #expect(mine.loopback)
        #expect(mine.pid == Int(getpid()))
        #expect(mine.process != nil)
        for proto in ["tcp", "udp"] {
            let ours = Set(sockets.filter { $0.protocol == proto }.map { "\($0.address)|\($0.port)" })
            let stable = before[proto, default: []].intersection(after[proto, default: []])
            let any = before[proto, default: []].union(after[proto, default: []])
            #expect(stable.isSubset(of: ours), "\(proto): ss saw \(stable.subtracting(ours)) that capdo did not")
            #expect(ours.isSubset(of: any), "\(proto): capdo saw \(ours.subtracting(any)) that ss did not")
        }
        withExtendedLifetime(listener) {}
    }

    /// `address|port` of listening sockets per protocol, as `ss -ltnH` / `ss -lunH` print them.
    static func ssPorts() -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for (proto, flags) in [("tcp", "-ltnH"), ("udp", "-lunH")] {
            let process = Process()
            process.executableURL = URL(
                fileURLWithPath: FileManager.default.isExecutableFile(atPath: "/usr/bin/ss") ? "/usr/bin/ss" : "/bin/ss"
            )
            process.arguments = [flags]
            let pipe = Pipe()
            process.standardOutput = pipe
            guard (try? process.run()) != nil else { continue }
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                guard fields.count >= 4, let colon = fields[3].lastIndex(of: ":") else { continue }
                var address = String(fields[3][..<colon])
                let port = fields[3][fields[3].index(after: colon)...]
                if address.hasPrefix("[") { address = String(address.dropFirst().dropLast()) }
                if let zone = address.firstIndex(of: "%") { address = String(address[..<zone]) }
                if address == "*" { address = "0.0.0.0" }
                result[proto, default: []].insert("\(address)|\(port)")
            }
        }
        // ss prints an IPv6 wildcard as `*` or `[::]` depending on the version: compare it as both.
        return result
    }
}

/// A TCP socket listening on 127.0.0.1 on a kernel-chosen port, closed on release.
private final class LoopbackListener {
    let descriptor: Int32
    let port: Int

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let size = length
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, size) }
        }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard fd >= 0, bound == 0, named == 0, listen(fd, 4) == 0 else {
            close(fd)
            throw CocoaError(.fileWriteUnknown)
        }
        descriptor = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit {
        close(descriptor)
    }
}
