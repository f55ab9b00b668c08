/// Fact fragments that must give the stated verdict; the test suite runs every one.
public struct RuleExamples: Sendable, Hashable {
    public var pass: [RuleExample]
    public var fail: [RuleExample]
    public var warn: [RuleExample]

    public init(pass: [RuleExample], fail: [RuleExample], warn: [RuleExample] = []) {
        self.pass = pass
        self.fail = fail
        self.warn = warn
    }
}
