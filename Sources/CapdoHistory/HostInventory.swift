import CapdoCore

/// The parts of a snapshot worth an ndiff-style comparison: listening ports, services and package versions.
///
/// Kept as small sorted maps (`subject → state`) so that identical inventories encode to identical text and
/// are stored once (content-addressed) however many scans or hosts share them.
public struct HostInventory: Sendable, Equatable {
    /// `tcp/22` → `0.0.0.0 (sshd)`; several addresses on one port are joined.
    public var ports: [String: String]
    /// `ssh.service` → `enabled active`.
    public var services: [String: String]
    /// `openssl` → `3.0.11-1~deb12u2`.
    public var packages: [String: String]

    public init(ports: [String: String] = [:], services: [String: String] = [:], packages: [String: String] = [:]) {
        self.ports = ports
        self.services = services
        self.packages = packages
    }

    /// What a snapshot shows; loopback-only listeners are left out (they are not reachable from the LAN).
    public init(_ snapshot: HostSnapshot) {
        var ports: [String: [String]] = [:]
        for socket in snapshot.listeners?.sockets ?? [] where !socket.loopback {
            let state = socket.address + (socket.process.map { " (\($0))" } ?? "")
            ports["\(socket.protocol)/\(socket.port)", default: []].append(state)
        }
        self.ports = ports.mapValues { Array(Set($0)).sorted().joined(separator: ", ") }
        var services: [String: String] = [:]
        for (name, unit) in snapshot.services?.units ?? [:] {
            let enabled = unit.masked ? "masked" : (unit.enabled ? "enabled" : "disabled")
            services[name] = enabled + (unit.active.map { " " + $0 } ?? "")
        }
        self.services = services
        var packages: [String: String] = [:]
        for package in snapshot.packages?.packages ?? [] where package.isPresent {
            let name = package.name + (package.architecture.map { $0 == "all" || $0.isEmpty ? "" : ":" + $0 } ?? "")
            packages[packages[package.name] == nil ? package.name : name] = package.version
        }
        self.packages = packages
    }

    /// The stored form: one `kind<TAB>subject<TAB>state` line per entry, sorted.
    public var encoded: String {
        var out = ""
        out.reserveCapacity(64 * (ports.count + services.count + packages.count))
        for (kind, map) in [("port", ports), ("service", services), ("package", packages)] {
            for (key, value) in map.sorted(by: { $0.key < $1.key }) {
                if !out.isEmpty { out += "\n" }
                out += kind
                out += "\t"
                out += Self.clean(key)
                out += "\t"
                out += Self.clean(value)
            }
        }
        return out
    }

    /// Reads the stored form back; unknown kinds and malformed lines are ignored.
    public init(encoded: String) {
        self.init()
        for line in encoded.split(separator: "\n", omittingEmptySubsequences: true) {
            let parts = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            let key = String(parts[1])
            let value = String(parts[2])
            switch parts[0] {
            case "port": ports[key] = value
            case "service": services[key] = value
            case "package": packages[key] = value
            default: continue
            }
        }
    }

    /// The changes from `before` to `self` for `host`, in report order.
    public func changes(since before: HostInventory, host: String) -> [InventoryChange] {
        var result: [InventoryChange] = []
        for (kind, old, new) in [
            (InventoryChange.Kind.port, before.ports, ports), (.service, before.services, services),
            (.package, before.packages, packages),
        ] {
            for key in Set(old.keys).union(new.keys) where old[key] != new[key] {
                result.append(InventoryChange(host: host, kind: kind, subject: key, before: old[key], after: new[key]))
            }
        }
        return result.sorted(by: InventoryChange.order)
    }

    private static func clean(_ text: String) -> String {
        // The byte test is only a fast path: a text with no such byte has no such character either.
        guard text.utf8.contains(where: { $0 == 9 || $0 == 10 || $0 == 13 }),
            text.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" })
        else { return text }
        return String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
