/// The effective settings of one configuration source (sshd, login.defs, PAM, …).
///
/// Keys are normalised per source (documented in docs/facts.md): sshd keys are lower-case as
/// `sshd -T` prints them; login.defs keys keep their upper-case names.
public struct ConfigSection: Codable, Sendable, Equatable {
    /// Files read, relative to the root, in the order they were read.
    public var files: [String]
    /// False when none of the source's files exist (every key then reads as not set, or its default).
    public var present: Bool
    public var entries: [String: ConfigEntry]
    /// Conditional blocks (sshd `Match`), recorded but not applied to `entries`.
    public var blocks: [ConfigBlock]

    public init(
        files: [String] = [], present: Bool = true, entries: [String: ConfigEntry] = [:], blocks: [ConfigBlock] = []
    ) {
        self.files = files
        self.present = present
        self.entries = entries
        self.blocks = blocks
    }
}
