/// One package database entry.
public struct InstalledPackage: Codable, Sendable, Equatable {
    public var name: String
    public var version: String
    public var architecture: String?
    /// dpkg state: `installed`, `config-files`, `half-installed`, `unpacked`, …
    public var state: String
    public var sourcePackage: String?
    /// Database file and line of the stanza's `Package:` field.
    public var file: String?
    public var line: Int?

    public init(
        name: String, version: String, architecture: String? = nil, state: String = "installed",
        sourcePackage: String? = nil, file: String? = nil, line: Int? = nil
    ) {
        self.name = name
        self.version = version
        self.architecture = architecture
        self.state = state
        self.sourcePackage = sourcePackage
        self.file = file
        self.line = line
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, version, architecture, state
        case sourcePackage = "source_package"
        case file, line
    }

    /// True when the package's files are on disk.
    public var isPresent: Bool { state != "not-installed" && state != "config-files" }
}
