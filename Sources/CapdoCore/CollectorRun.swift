/// How one collector ran: for the report's method section and to spot slow collectors.
public struct CollectorRun: Codable, Sendable, Equatable {
    public var id: String
    public var milliseconds: Double
    public var issues: Int

    public init(id: String, milliseconds: Double, issues: Int) {
        self.id = id
        self.milliseconds = milliseconds
        self.issues = issues
    }
}
