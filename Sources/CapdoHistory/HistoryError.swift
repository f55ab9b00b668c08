/// A history database problem, with what to do about it.
public struct HistoryError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
