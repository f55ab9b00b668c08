import CapdoCore
import Foundation

/// The text `capdo diff` prints: findings first, then the ndiff-style inventory lines, grouped by host.
public enum DiffText {
    /// The text of a diff: findings first, then the ndiff-style inventory lines, grouped by host.
    public static func render(_ changes: ScanChanges, from: Int64, to: Int64, language: Language) -> String {
        var out = "capdo diff: scan #\(from) → #\(to)\n"
        if changes.isEmpty { return out + "No changes.\n" }
        func status(_ value: FindingStatus?) -> String { value?.rawValue ?? "absent" }
        let sections: [(String, String, [FindingChange])] = [
            ("New findings", "+", changes.newFindings), ("Resolved findings", "-", changes.resolved),
            ("Changed findings", "~", changes.changed),
        ]
        for (title, mark, list) in sections where !list.isEmpty {
            out += "\n\(title) (\(list.count)):\n"
            for change in list {
                out += "\(mark) \(change.host)  \(change.ruleID)  \(status(change.before)) → \(status(change.after))"
                out += "  [\(change.severity.rawValue)] \(change.title.text(language))\n"
                if let found = change.foundBefore {
                    out += "      was: " + found.replacingOccurrences(of: "\n", with: "; ") + "\n"
                }
                if let found = change.foundAfter {
                    out += "      now: " + found.replacingOccurrences(of: "\n", with: "; ") + "\n"
                }
            }
        }
        if !changes.inventory.isEmpty {
            out += "\nPorts, services and packages (\(changes.inventory.count)):\n"
            var currentHost = ""
            for change in changes.inventory {
                if change.host != currentHost {
                    currentHost = change.host
                    out += "  \(currentHost):\n"
                }
                out += "    \(change.kind.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(change.line)\n"
            }
        }
        return out
    }

}
