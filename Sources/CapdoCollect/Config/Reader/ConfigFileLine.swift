/// One line of a configuration file, numbered from 1, without its line end.
public struct ConfigFileLine: Sendable, Equatable {
    public var number: Int
    public var text: String

    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }
}
