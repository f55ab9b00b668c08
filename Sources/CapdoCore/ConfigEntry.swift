/// One effective setting and where it came from.
public struct ConfigEntry: Codable, Sendable, Equatable {
    public var value: String
    /// File relative to the root, nil for a built-in default.
    public var file: String?
    public var line: Int?
    /// True when no file set it and the program's documented default applies.
    public var isDefault: Bool?

    public init(value: String, file: String? = nil, line: Int? = nil, isDefault: Bool? = nil) {
        self.value = value
        self.file = file
        self.line = line
        self.isDefault = isDefault
    }

    public static func defaultValue(_ value: String) -> ConfigEntry {
        ConfigEntry(value: value, isDefault: true)
    }

    enum CodingKeys: String, CodingKey {
        case value, file, line
        case isDefault = "default"
    }
}
