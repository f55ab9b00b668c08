import CapdoCore
import Foundation

/// Parses `etc/shadow` into password *summaries*: the hash is reduced to a state at once and never kept,
/// logged or put into an issue message.
public enum ShadowParser {
    /// One shadow line without its hash.
    public struct Entry: Sendable, Equatable {
        public var name: String
        /// `set`, `locked`, `empty` or `disabled`.
        public var password: String
        public var lastChange: Date?
        public var minDays: Int?
        /// An empty maximum means no limit: 99999, as `chage` shows it.
        public var maxDays: Int?
        public var warnDays: Int?
        public var inactiveDays: Int?
        public var expires: Date?
        public var line: Int
    }

    public static func parse(_ text: String, file: String, collector: String = "accounts") -> (
        entries: [Entry], issues: [CollectionIssue]
    ) {
        var entries: [Entry] = []
        var issues: [CollectionIssue] = []
        for (lineNumber, fields) in ColonFile.records(text) {
            guard fields.count >= 8, fields.count <= 9, !fields[0].isEmpty else {
                issues.append(
                    CollectionIssue(
                        collector: collector, level: .warning, file: file, line: lineNumber, message: "malformed"))
                continue
            }
            func number(_ field: Substring) -> Int? { Int(field.trimmingCharacters(in: .whitespaces)) }
            func day(_ field: Substring) -> Date? {
                number(field).map { Date(timeIntervalSince1970: Double($0) * 86_400) }
            }
            entries.append(
                Entry(
                    name: String(fields[0]), password: state(ofHash: fields[1]), lastChange: day(fields[2]),
                    minDays: number(fields[3]), maxDays: number(fields[4]) ?? 99_999, warnDays: number(fields[5]),
                    inactiveDays: number(fields[6]), expires: day(fields[7]), line: lineNumber))
        }
        return (entries, issues)
    }

    /// The state of a password field: `empty` (""), `disabled` (`*`, `!`, `!!`, `!*` or no valid hash),
    /// `locked` (`!` before a hash) or `set`.
    public static func state(ofHash field: Substring) -> String {
        if field.isEmpty { return "empty" }
        if field.hasPrefix("!") {
            let rest = field.drop(while: { $0 == "!" })
            return isHash(rest) ? "locked" : "disabled"
        }
        return isHash(field) ? "set" : "disabled"
    }
}

private extension ShadowParser {
    /// A crypt(3) hash: `$id$…` or a 13-character DES hash.
    static func isHash(_ field: Substring) -> Bool {
        if field.hasPrefix("$") { return field.count > 3 }
        let des = CharacterSet(charactersIn: "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        return field.count == 13 && field.unicodeScalars.allSatisfy { des.contains($0) }
    }
}
