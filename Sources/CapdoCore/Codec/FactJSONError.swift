/// Why `FactJSONParser` refused a text, and where (1-based line and column).
public struct FactJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int

    public var description: String { "not valid JSON at line \(line), column \(column): \(message)" }
}
