import Synchronization

/// Compiled rule patterns by their text, shared by all evaluation threads: a pattern is compiled once per run
/// instead of once per host, matcher and item. An invalid pattern is remembered as nil.
final class RegexCache: Sendable {
    static let shared = RegexCache()

    /// A compiled pattern handed between threads. `Regex` is not declared `Sendable`, but matching only reads it,
    /// and the one lazy part, lowering to the matching program on first use, is published with an atomic
    /// compare-and-swap in the standard library (`Regex.Program.loweredProgram`), so concurrent matches are safe.
    private struct Compiled: @unchecked Sendable {
        let regex: Regex<AnyRegexOutput>?
    }

    /// Enough for every pattern of the catalogue and its profiles; past it the cache starts over.
    private static let capacity = 4_096
    private let compiled = Mutex<[String: Compiled]>([:])

    func regex(_ pattern: String) -> Regex<AnyRegexOutput>? {
        if let known = compiled.withLock({ $0[pattern] }) { return known.regex }
        let entry = Compiled(regex: try? Regex(pattern))
        compiled.withLock { cache in
            if cache.count >= Self.capacity { cache.removeAll() }
            cache[pattern] = entry
        }
        return entry.regex
    }
}
