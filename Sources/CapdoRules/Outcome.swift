import CapdoCore

/// Three-valued result of a check: facts missing or unreadable make it `unknown`, never `pass`.
enum Outcome: Sendable, Equatable {
    case pass
    case fail
    /// `error` is true when a collector reported it could not look (vs. facts simply not collected).
    case unknown(reason: LocalizedText, error: Bool)

    var evidenceOutcome: Evidence.Outcome {
        switch self {
        case .pass: return .pass
        case .fail: return .fail
        case .unknown: return .unknown
        }
    }

    static func all(_ outcomes: [Outcome]) -> Outcome {
        if outcomes.contains(.fail) { return .fail }
        if let unknown = outcomes.first(where: { if case .unknown = $0 { return true } else { return false } }) {
            return merged(unknown, outcomes)
        }
        return .pass
    }

    static func any(_ outcomes: [Outcome]) -> Outcome {
        if outcomes.contains(.pass) { return .pass }
        if let unknown = outcomes.first(where: { if case .unknown = $0 { return true } else { return false } }) {
            return merged(unknown, outcomes)
        }
        return .fail
    }

    static func none(_ outcomes: [Outcome]) -> Outcome {
        switch any(outcomes) {
        case .pass: return .fail
        case .fail: return .pass
        case .unknown(let reason, let error): return .unknown(reason: reason, error: error)
        }
    }

    /// Joins the reasons of every unknown outcome; error wins over plain missing facts.
    private static func merged(_ first: Outcome, _ outcomes: [Outcome]) -> Outcome {
        var reasons: [LocalizedText] = []
        var error = false
        for outcome in outcomes {
            if case .unknown(let reason, let isError) = outcome {
                if !reasons.contains(reason) { reasons.append(reason) }
                error = error || isError
            }
        }
        return .unknown(reason: Wording.joined(reasons, separator: "; "), error: error)
    }
}
