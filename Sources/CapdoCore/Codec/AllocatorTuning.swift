#if canImport(Glibc)
    import Glibc
#endif

/// Gives `capdo evaluate` a larger per-thread cache in glibc's allocator, by starting the process again with
/// `GLIBC_TUNABLES=glibc.malloc.tcache_count=4096` (glibc reads it only at start).
///
/// A fleet evaluation keeps every host's findings while each core builds and drops a snapshot's facts tree
/// (thousands of small objects) per host. With glibc's default of 7 cached chunks per size, those frees go back to
/// the heap's bins, and with a heap holding 10,000 hosts' results every later allocation searched ever longer bin
/// lists: `_int_malloc` grew from 4 % of the time at 1,000 hosts to 13 % at 10,000, and evaluating 10,000 snapshots
/// took 52.6 s instead of 32.4 s with the larger cache (measured with the same build; see docs/benchmarks.md).
///
/// Nothing changes when the variable is already set (the user's choice wins), on other C libraries, or for other
/// commands; if the restart fails, the run goes on as it is.
enum AllocatorTuning {
    static let variable = "GLIBC_TUNABLES"
    static let setting = "glibc.malloc.tcache_count=4096"

    /// Restarts this process with the tuning when `arguments` run `capdo evaluate`; returns only if it does not.
    static func restartIfWorthwhile(_ arguments: [String]) {
        #if canImport(Glibc)
            guard arguments.count > 1, arguments[1] == "evaluate", getenv(variable) == nil else { return }
            setenv(variable, setting, 1)
            var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
            argv.append(nil)
            execv("/proc/self/exe", &argv)
            // Still here: the restart failed (no /proc, say). Run untuned, leaving the environment as it was.
            unsetenv(variable)
            for pointer in argv { free(pointer) }
        #endif
    }

    /// The tuning in effect, for the log ("glibc.malloc.tcache_count=4096"), or nil.
    static var current: String? {
        #if canImport(Glibc)
            return getenv(variable).map { String(cString: $0) }
        #else
            return nil
        #endif
    }
}
