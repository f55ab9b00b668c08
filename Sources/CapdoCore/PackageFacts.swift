/// Installed packages from the package database under the root.
public struct PackageFacts: Codable, Sendable, Equatable {
    /// `dpkg`, later `rpm` or `apk`.
    public var manager: String
    /// Database files read, relative to the root (`var/lib/dpkg/status`, `var/lib/dpkg/status.d/…`).
    public var sources: [String]
    /// Every stanza, including `config-files` ones; `present` tells which count as installed.
    public var packages: [InstalledPackage]

    public init(manager: String, sources: [String], packages: [InstalledPackage]) {
        self.manager = manager
        self.sources = sources
        self.packages = packages
    }

    /// Packages whose files are on disk (every state but `not-installed` and `config-files`).
    public var present: [InstalledPackage] { packages.filter(\.isPresent) }
}
