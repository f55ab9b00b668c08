import Foundation

/// The header of one ClamAV signature database (`daily.cvd`, `main.cld`, `bytecode.cvd`).
///
/// From the 512-byte header `ClamAV-VDB:build time:version:sigs:f-level:MD5:dsig:builder:stime`; the
/// digital signature is not kept.
public struct AntivirusDatabase: Codable, Sendable, Equatable {
    /// `daily`, `main`, `bytecode`.
    public var name: String
    /// Relative to the root (`var/lib/clamav/daily.cld`).
    public var file: String
    public var version: Int
    public var signatures: Int
    /// Minimum engine functionality level.
    public var functionalityLevel: Int
    /// Build time: from `stime` (seconds since 1970) when present, else the header's build-time text.
    public var buildTime: Date
    /// The header's build-time text as written (`28 Nov 2026 07-40 +0000`).
    public var buildTimeText: String
    public var builder: String
    /// MD5 of the signature archive, as the header gives it (`X` in .cld files).
    public var md5: String

    public init(
        name: String, file: String, version: Int, signatures: Int, functionalityLevel: Int, buildTime: Date,
        buildTimeText: String, builder: String, md5: String
    ) {
        self.name = name
        self.file = file
        self.version = version
        self.signatures = signatures
        self.functionalityLevel = functionalityLevel
        self.buildTime = buildTime
        self.buildTimeText = buildTimeText
        self.builder = builder
        self.md5 = md5
    }

    enum CodingKeys: String, CodingKey {
        case name, file, version, signatures
        case functionalityLevel = "functionality_level"
        case buildTime = "build_time"
        case buildTimeText = "build_time_text"
        case builder, md5
    }
}
