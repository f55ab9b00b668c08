import CapdoCore
import Foundation

/// Parses shared by several collectors of one scan (the dpkg database is needed by packages, updates and
/// system), computed once. One instance per `HostEnvironment`.
public final class ParseCache: @unchecked Sendable {  // every stored property is guarded by `lock`
    /// The dpkg database as the packages collector reads it.
    public struct DpkgDatabase: Sendable {
        public var sources: [String]
        public var packages: [InstalledPackage]
        public var issues: [CollectionIssue]
        /// False when neither `status` nor `status.d` exists.
        public var exists: Bool
    }

    private let lock = NSLock()
    private var dpkg: DpkgDatabase?

    public init() {}

    /// The database, computed by `compute` the first time (concurrent callers wait for that one computation).
    public func dpkgDatabase(_ compute: () -> DpkgDatabase) -> DpkgDatabase {
        lock.withLock {
            if let dpkg { return dpkg }
            let computed = compute()
            dpkg = computed
            return computed
        }
    }
}
