#if canImport(Glibc)
    import Glibc
#endif

/// Gives `capdo evaluate` a larger per-thread cache in glibc's allocator, by starting the process again with
/// `GLIBC_TUNABLES=glibc.malloc.tcache_count=4096` (glibc reads it only at start).
///
/// A fleet evaluation keeps every host's findings while each core builds and drops a snapshot's facts tree
/// (thousands of small objects) per host. With glibc's default of 7 cached chunks per size, those frees go back to
/// the heap's bins, and with a heap holding thousands of hosts' results every later allocation searches ever
/// longer bin lists (figures in docs/benchmarks.md).
///
/// The reference path is the process as started: nothing changes when the variable is already set (the user's
/// choice wins), on other C libraries, or for other commands; if the restart fails, the run goes on as it is.
/// The tuning changes only how memory is handed out, never what is computed.
public enum AllocatorTuning {
    public static let variable = "GLIBC_TUNABLES"
    public static let setting = "glibc.malloc.tcache_count=4096"

    /// Restarts this process with the tuning when `arguments` run `capdo evaluate`; returns only if it does not.
    public static func restartIfWorthwhile(_ arguments: [String]) {
        #if canImport(Glibc)
            guard isWorthwhile(arguments, current: current) else { return }
            setenv(variable, setting, 1)
            var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
            argv.append(nil)
            execv("/proc/self/exe", &argv)
            // Still here: the restart failed (no /proc, say). Run untuned, leaving the environment as it was.
            unsetenv(variable)
            for pointer in argv { free(pointer) }
        #endif
    }

    /// Whether a run with `arguments`, and `current` as the variable's value, is restarted: only `capdo evaluate`,
    /// and only when the variable is not set.
    static func isWorthwhile(_ arguments: [String], current: String?) -> Bool {
        arguments.count > 1 && arguments[1] == "evaluate" && current == nil
    }

    /// The tuning in effect, for the log ("glibc.malloc.tcache_count=4096"), or nil.
    public static var current: String? {
        #if canImport(Glibc)
            return getenv(variable).map { String(cString: $0) }
        #else
            return nil
        #endif
    }
}
