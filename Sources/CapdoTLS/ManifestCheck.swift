/// What `capdo verify` found for one signed manifest.
public struct ManifestCheck: Sendable, Equatable {
    /// The manifest file checked.
    public var manifest: String
    /// The detached signature over the manifest.
    public var signature: SignatureCheck
    /// How many files the manifest lists.
    public var files: Int
    /// Files whose SHA-256 is no longer the one the manifest records.
    public var changed: [String]
    /// Files the manifest lists that are gone or unreadable.
    public var missing: [String]
    /// Lines of the manifest that are not `<sha256>  <name>`.
    public var malformed: [Int]

    /// Signature matches and every listed file is present and unchanged.
    public var intact: Bool { signature.matches && changed.isEmpty && missing.isEmpty && malformed.isEmpty }

    public init(
        manifest: String, signature: SignatureCheck, files: Int, changed: [String], missing: [String],
        malformed: [Int]
    ) {
        self.manifest = manifest
        self.signature = signature
        self.files = files
        self.changed = changed
        self.missing = missing
        self.malformed = malformed
    }
}
