/// Why one configuration line could not be understood; reported with the file and line.
public struct ConfigFileLineError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
