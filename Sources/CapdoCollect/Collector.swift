import CapdoCore

/// A source of facts. Reads only through `HostEnvironment`, never judges, never writes.
///
/// Collectors are small `Sendable` structs; the parsing lives in pure `<Source>Parser` functions that
/// carry most of the tests. `Collectors.all` lists them in one place.
public protocol Collector: Sendable {
    /// Stable id (`packages`, `config.sshd`) used in issues and timings.
    var id: String { get }
    /// One line for `capdo collect --help` and the report's method section.
    var summary: String { get }
    func collect(in environment: HostEnvironment) async -> CollectorOutput
}
