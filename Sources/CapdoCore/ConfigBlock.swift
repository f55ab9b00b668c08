/// A conditional block such as sshd's `Match User backup`.
public struct ConfigBlock: Codable, Sendable, Equatable {
    public var criteria: String
    public var file: String?
    public var line: Int?
    public var entries: [String: ConfigEntry]

    public init(criteria: String, file: String? = nil, line: Int? = nil, entries: [String: ConfigEntry] = [:]) {
        self.criteria = criteria
        self.file = file
        self.line = line
        self.entries = entries
    }
}
