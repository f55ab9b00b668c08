/// What one check expected, what it found, and where: the proof behind a finding.
public struct Evidence: Codable, Sendable, Hashable {
    public enum Outcome: String, Codable, Sendable {
        case pass, fail, unknown
    }

    /// The fact looked at, e.g. `config sshd: permitrootlogin`.
    public var subject: String
    public var expected: String
    public var found: String
    /// `etc/ssh/sshd_config:33`, `var/lib/dpkg/status:1204`, `default`, a packet number or an endpoint.
    public var location: String?
    public var outcome: Outcome
    /// The same proof as one sentence in each language, for people (reports); `subject`/`expected`/`found` stay the
    /// fields tools read. Nil in evidence recorded before sentences existed.
    public var text: LocalizedText?
    /// Set when this row belongs to one option of an `any:` check: reports group the options.
    public var alternative: EvidenceAlternative?

    public init(
        subject: String, expected: String, found: String, location: String? = nil, outcome: Outcome,
        text: LocalizedText? = nil, alternative: EvidenceAlternative? = nil
    ) {
        self.subject = subject
        self.expected = expected
        self.found = found
        self.location = location
        self.outcome = outcome
        self.text = text
        self.alternative = alternative
    }
}
