import CapdoCore
import Foundation

/// Parses Microsoft Defender for Endpoint on Linux's `mdatp health` output: the text form (`key : value` lines) or
/// `mdatp health --output json`. Keys are compared without case or underscores, so `real_time_protection_enabled`
/// and `realTimeProtectionEnabled` are one field; a JSON value may be wrapped as `{"value": …}`.
///
/// Enabled means `healthy`, licensed and not in passive mode; real-time means `real_time_protection_enabled` and not
/// passive. `definitions_updated` is read as UTC (mdatp prints the machine's local time without a zone: at most a
/// few hours off, within the one-day mark); `definitions_status` gives the up-to-date flag.
public enum MdatpHealthParser {
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// True when `text` looks like `mdatp health` text output.
    public static func looksLikeHealth(_ text: String) -> Bool {
        let fields = fields(text: text)
        return fields["healthy"] != nil && fields["realtimeprotectionenabled"] != nil
    }

    /// True when a decoded JSON object looks like `mdatp health --output json`.
    public static func looksLikeHealth(_ object: [String: Any]) -> Bool {
        let keys = Set(object.keys.map(normalize))
        return keys.contains("healthy") && keys.contains("realtimeprotectionenabled")
    }

    /// The product from the text form.
    public static func parse(_ text: String, file: String) throws(ParseError) -> AntivirusProduct {
        try product(fields(text: text), file: file)
    }

    /// The product from the JSON form.
    public static func parse(_ object: [String: Any], file: String) throws(ParseError) -> AntivirusProduct {
        var fields: [String: String] = [:]
        for (key, raw) in object {
            var value: Any = raw
            if let wrapped = raw as? [String: Any], let inner = wrapped["value"] { value = inner }
            // JSON booleans arrive as NSNumber (`1`/`0` or `true`/`false` as text): `bool` accepts both.
            if let text = value as? String {
                fields[normalize(key)] = text
            } else if let number = value as? NSNumber {
                fields[normalize(key)] = number.stringValue
            } else if let flag = value as? Bool {
                fields[normalize(key)] = flag ? "true" : "false"
            }
        }
        return try product(fields, file: file)
    }
}

private extension MdatpHealthParser {
    static func normalize(_ key: String) -> String {
        key.lowercased().filter { $0 != "_" && $0 != " " && $0 != "-" }
    }

    /// `key : value` lines; the first colon splits (values hold times such as `11:21:14`); quotes are removed.
    static func fields(text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = normalize(line[..<colon].trimmingCharacters(in: .whitespaces))
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            if !key.isEmpty, fields[key] == nil { fields[key] = value }
        }
        return fields
    }

    static func bool(_ fields: [String: String], _ key: String) throws(ParseError) -> Bool? {
        guard let value = fields[normalize(key)] else { return nil }
        switch value.lowercased() {
        case "true", "1", "enabled": return true
        case "false", "0", "disabled": return false
        default: throw ParseError(message: "\(key): expected true or false, found '\(value.prefix(40))'")
        }
    }

    static func product(_ fields: [String: String], file: String) throws(ParseError) -> AntivirusProduct {
        guard let healthy = try bool(fields, "healthy") else {
            throw ParseError(message: "no 'healthy' field: expected the output of 'mdatp health'")
        }
        let licensed = try bool(fields, "licensed")
        let passive = try bool(fields, "passive_mode_enabled") ?? false
        let realTime = try bool(fields, "real_time_protection_enabled")
        var upToDate: Bool?
        if let status = fields[normalize("definitions_status")]?.lowercased() {
            upToDate = status == "up_to_date" || status == "uptodate"
        }
        var signatureTime: Date?
        if let text = fields[normalize("definitions_updated")], !text.isEmpty {
            guard let date = Self.date(text) else {
                throw ParseError(message: "definitions_updated: expected a date, found '\(text.prefix(40))'")
            }
            signatureTime = date
        }
        return AntivirusProduct(
            product: "defender", name: "Microsoft Defender for Endpoint (Linux)", file: file,
            enabled: healthy && licensed != false && !passive, realTime: realTime.map { $0 && !passive },
            runningMode: passive ? "Passive" : "Normal", engineVersion: fields[normalize("engine_version")],
            signatureVersion: fields[normalize("definitions_version")], signatureTime: signatureTime,
            signatureUpToDate: upToDate, services: ["mdatp.service": healthy])
    }

    /// `Jul 25, 2023 at 11:21:14 AM` (text form), epoch milliseconds or seconds (JSON), or ISO 8601.
    static func date(_ text: String) -> Date? {
        if let number = Double(text) {
            return Date(timeIntervalSince1970: number > 100_000_000_000 ? number / 1000 : number)
        }
        if let iso = ExportDateParser.parse(text) { return iso }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for format in ["MMM d, yyyy 'at' h:mm:ss a", "MMM d, yyyy 'at' HH:mm:ss"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
