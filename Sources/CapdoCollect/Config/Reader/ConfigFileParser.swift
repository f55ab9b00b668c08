import CapdoCore

/// A configuration source: a pure parser from the scanned root's files to one fact section.
///
/// A parser reads every file through a `ConfigFileReader`, so lines, limits, globs, includes, masking and
/// issue caps follow one set of rules. It is listed once in `ConfigCollectors.parsers`.
public protocol ConfigFileParser: SendableMetatype {
    /// Collector id, `config.` and the fact section (`config.sshd`).
    static var collector: String { get }
    /// One line for `capdo collect --help` and the report's method section.
    static var summary: String { get }
    /// True for sources that only exist on the running system (`/proc/sys`): absent under `--root`.
    static var liveOnly: Bool { get }
    static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue])
}

extension ConfigFileParser {
    public static var liveOnly: Bool { false }

    /// The fact section: the collector id without `config.`.
    public static var source: String { String(collector.dropFirst("config.".count)) }
}
