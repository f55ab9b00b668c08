import CapdoCore

/// The symbol and style class that go with a status, so that it survives black-and-white printing.
///
/// Every status is shown as colour *and* symbol *and* text; the symbols are in DejaVu/Noto/Segoe UI.
enum StatusMark {
    static func symbol(_ status: FindingStatus) -> String {
        switch status {
        case .pass: return "✓"
        case .fail: return "✗"
        case .warn: return "▲"
        case .error: return "⚠"
        case .notApplicable: return "–"
        case .notAssessed: return "○"
        case .manual: return "?"
        case .waived: return "≈"
        }
    }

    static func cssClass(_ status: FindingStatus) -> String {
        switch status {
        case .pass: return "s-pass"
        case .fail: return "s-fail"
        case .warn: return "s-warn"
        case .error: return "s-error"
        case .notApplicable: return "s-na"
        case .notAssessed: return "s-nassessed"
        case .manual: return "s-manual"
        case .waived: return "s-waived"
        }
    }

    static func symbol(_ verdict: ItemVerdict) -> String {
        switch verdict {
        case .met: return "✓"
        case .partlyMet: return "◐"
        case .notMet: return "✗"
        case .manual: return "?"
        case .notAssessed: return "○"
        case .notApplicable: return "–"
        }
    }

    static func cssClass(_ verdict: ItemVerdict) -> String {
        switch verdict {
        case .met: return "s-pass"
        case .partlyMet: return "s-warn"
        case .notMet: return "s-fail"
        case .manual: return "s-manual"
        case .notAssessed: return "s-nassessed"
        case .notApplicable: return "s-na"
        }
    }

    static func symbol(_ outcome: Evidence.Outcome) -> String {
        switch outcome {
        case .pass: return "✓"
        case .fail: return "✗"
        case .unknown: return "?"
        }
    }
}
