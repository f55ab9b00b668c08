/// Which scanner produced a snapshot or result.
public struct ScannerInfo: Codable, Sendable, Equatable {
    public var name: String
    public var version: String

    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }

    /// This build of capdo.
    public static let current = ScannerInfo(name: "capdo", version: CapdoVersion.string)
}
