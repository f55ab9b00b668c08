/// A threshold as applied in a scan.
public struct VariableUse: Codable, Sendable, Equatable {
    public var name: String
    public var value: String
    public var source: String
    public var description: LocalizedText?

    public init(name: String, value: String, source: String, description: LocalizedText? = nil) {
        self.name = name
        self.value = value
        self.source = source
        self.description = description
    }
}
