/// A threshold with its value and where the number comes from.
public struct ProfileVariable: Codable, Sendable, Hashable {
    public var value: FactValue
    /// `proposal`, `TCVN14423`, … shown in the report next to the value.
    public var source: String
    public var description: LocalizedText?

    public init(value: FactValue, source: String, description: LocalizedText? = nil) {
        self.value = value
        self.source = source
        self.description = description
    }
}
