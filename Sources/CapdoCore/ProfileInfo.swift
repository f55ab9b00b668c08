/// The profile a scan used, with every variable's value and source.
public struct ProfileInfo: Codable, Sendable, Equatable {
    public var id: String
    public var title: LocalizedText
    public var variables: [VariableUse]

    public init(id: String, title: LocalizedText, variables: [VariableUse]) {
        self.id = id
        self.title = title
        self.variables = variables
    }
}
