import CapdoCore

/// Collects listening sockets of the live host from `/proc/net` (absent under `--root`), with the owning
/// process found through `/proc/PID/fd` socket links when they are visible.
public struct ListenersCollector: Collector {
    public let id = "listeners"
    public let summary = "Listening TCP and bound UDP sockets of the live host (proc/net/tcp, tcp6, udp, udp6)"

    public init() {}

    public func collect(in environment: HostEnvironment) async -> CollectorOutput {
        guard environment.live else { return CollectorOutput() }
        let reader = environment.files
        var entries: [ProcNetParser.Entry] = []
        var issues: [CollectionIssue] = []
        for (name, proto, ipv6) in [
            ("tcp", "tcp", false), ("tcp6", "tcp", true), ("udp", "udp", false), ("udp6", "udp", true),
        ] {
            let path = "proc/net/" + name
            do {
                let parsed = ProcNetParser.parse(try reader.readText(path), protocolName: proto, ipv6: ipv6, file: path)
                entries += parsed.entries
                issues += parsed.issues
            } catch {
                // tcp6/udp6 are missing on hosts without IPv6: not worth an error.
                issues.append(error.issue(collector: id, level: ipv6 ? .warning : .error))
            }
        }
        let owners = Self.socketOwners(reader, wanted: Set(entries.map(\.inode)))
        let sockets = entries.map { entry -> ListeningSocket in
            var socket = entry.socket
            if let owner = owners[entry.inode] {
                socket.pid = owner.pid
                socket.process = owner.name
            }
            return socket
        }
        return CollectorOutput(listeners: ListenerFacts(source: "proc/net", sockets: sockets), issues: issues)
    }
}

private extension ListenersCollector {
    /// Socket inode → (pid, comm) for the inodes asked for, from `/proc/*/fd/*` links `socket:[INODE]`.
    static func socketOwners(_ reader: FileReader, wanted: Set<UInt64>) -> [UInt64: (pid: Int, name: String?)] {
        var owners: [UInt64: (pid: Int, name: String?)] = [:]
        guard !wanted.isEmpty else { return owners }
        for entry in reader.list("proc") {
            guard let pid = Int(entry) else { continue }
            var name: String?
            for fd in reader.list("proc/\(pid)/fd") {
                guard let target = reader.linkTarget("proc/\(pid)/fd/\(fd)"), target.hasPrefix("socket:["),
                    let inode = UInt64(target.dropFirst("socket:[".count).dropLast()), wanted.contains(inode),
                    owners[inode] == nil
                else { continue }
                if name == nil {
                    name = (try? reader.readText("proc/\(pid)/comm", limit: 4096))?
                        .trimmingCharacters(in: .whitespacesAndNewlines)
                }
                owners[inode] = (pid, name)
            }
            if owners.count == wanted.count { break }
        }
        return owners
    }
}
