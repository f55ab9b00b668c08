import CapdoCore

/// What the login observers share: the credentials found, in packet order, and the cleartext logins being followed.
/// Each table is bounded once for all of them, so memory stays flat however many protocols are watched.
struct CredentialLog {
    static let credentialLimit = 1_000
    static let sessionLimit = 4_096

    private var credentials: [LanCredential] = []
    private var credentialsOverLimit = 0
    private var sessions: [FlowKey: CleartextSession] = [:]
    private var sessionFlushes = 0

    /// Keeps `credential` unless `credentialLimit` are kept already (then it is only counted).
    mutating func record(_ credential: LanCredential) {
        if credentials.count < Self.credentialLimit {
            credentials.append(credential)
        } else {
            credentialsOverLimit += 1
        }
    }

    /// A secret seen in `packet`, sent from its source to its destination port.
    mutating func record(_ packet: ObservedPacket, protocol name: String, user: String?) {
        let headers = packet.headers
        record(
            LanCredential(
                protocol: name, client: headers.source.description,
                server: "\(headers.destination.description):\(headers.destinationPort)", packet: packet.number,
                user: user, secretSeen: true))
    }

    /// The login being followed on `flow`, if any.
    func session(_ flow: FlowKey) -> CleartextSession? {
        sessions[flow]
    }

    /// Updates (or starts) the login followed on `flow`; a full table is emptied first and the flush counted.
    mutating func updateSession(_ flow: FlowKey, _ body: (inout CleartextSession) -> Void) {
        var session = sessions[flow] ?? CleartextSession()
        body(&session)
        if sessions.count >= Self.sessionLimit && sessions[flow] == nil {
            sessions.removeAll()
            sessionFlushes += 1
        }
        sessions[flow] = session
    }

    func contribute(to facts: inout LanFacts) {
        facts.credentials.append(contentsOf: credentials)
        facts.counters.addSkipped("credentials_over_limit", credentialsOverLimit)
        facts.counters.addSkipped("cleartext_sessions_flushed", sessionFlushes)
    }
}
