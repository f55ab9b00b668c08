/// Operating system identity from `/etc/os-release`, `/etc/hostname` and the kernel.
public struct SystemFacts: Codable, Sendable, Equatable {
    /// `ID` from os-release (`debian`, `ubuntu`, `rhel`).
    public var osID: String?
    /// `ID_LIKE` split on spaces.
    public var osIDLike: [String]
    /// The family rules apply to: `debian` for Debian and Ubuntu, `rhel`, `alpine`, or the `ID`.
    public var osFamily: String?
    public var versionID: String?
    public var versionCodename: String?
    public var prettyName: String?
    public var hostname: String?
    /// Kernel release (`uname -r` on the live host, newest `/boot/vmlinuz-*` under a root).
    public var kernel: String?
    public var architecture: String?
    /// Where the os-release came from (`etc/os-release` or `usr/lib/os-release`).
    public var source: String?

    public init(
        osID: String? = nil, osIDLike: [String] = [], osFamily: String? = nil, versionID: String? = nil,
        versionCodename: String? = nil, prettyName: String? = nil, hostname: String? = nil, kernel: String? = nil,
        architecture: String? = nil, source: String? = nil
    ) {
        self.osID = osID
        self.osIDLike = osIDLike
        self.osFamily = osFamily
        self.versionID = versionID
        self.versionCodename = versionCodename
        self.prettyName = prettyName
        self.hostname = hostname
        self.kernel = kernel
        self.architecture = architecture
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case osID = "os_id"
        case osIDLike = "os_id_like"
        case osFamily = "os_family"
        case versionID = "version_id"
        case versionCodename = "version_codename"
        case prettyName = "pretty_name"
        case hostname, kernel, architecture, source
    }
}
