import CapdoCore
import Foundation
import Yams

/// Parses capdo's anti-malware status file (YAML or JSON) for products without a parser of their own
/// (Bkav, Kaspersky, ESET, …); the format is documented in docs/facts.md ("Anti-malware status files").
///
/// ```yaml
/// product: bkav                     # required, one of `knownProducts`
/// name: Bkav Pro                    # optional display name
/// engine_version: "6.0.2"
/// signature_version: "2026.11.27"
/// signature_date: 2026-11-27T22:00:00Z   # required (date or date-time, UTC unless an offset is given)
/// real_time: true                   # required
/// enabled: true                     # optional, defaults to real_time
/// last_full_scan: 2026-11-22        # optional
/// last_quick_scan: 2026-11-27       # optional
/// ```
public enum AntivirusStatusFileParser {
    /// Product ids the status file accepts.
    public static let knownProducts: [String: String] = [
        "bkav": "Bkav", "kaspersky": "Kaspersky", "eset": "ESET", "trendmicro": "Trend Micro", "sophos": "Sophos",
        "symantec": "Symantec", "mcafee": "McAfee", "bitdefender": "Bitdefender", "avast": "Avast", "avg": "AVG",
        "cmc": "CMC Antivirus", "clamav": "ClamAV", "defender": "Microsoft Defender Antivirus", "other": "Other",
    ]

    static let allowedKeys: Set<String> = [
        "product", "name", "engine_version", "signature_version", "signature_date", "real_time", "enabled",
        "last_full_scan", "last_quick_scan",
    ]

    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Parses YAML (or JSON, which is YAML) text. Dates more than a day after `now` are refused.
    public static func parse(_ text: String, file: String, now: Date) throws(ParseError) -> AntivirusProduct {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            // Yams' own description quotes the offending line: only its number and the problem are shown.
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                throw ParseError(message: "not valid YAML/JSON at line \(mark.line): \(problem)")
            default:
                throw ParseError(message: "not valid YAML/JSON")
            }
        } catch {
            throw ParseError(message: "not valid YAML/JSON")
        }
        // A status file is a handful of keys; aliases nested in aliases would expand to billions of values.
        if let node, !node.fits(nodes: 1_000) {
            throw ParseError(message: "more than 1000 YAML values once aliases are expanded; not read")
        }
        // Yams builds `Any` values by force-unwrapping every mapping key as text: a key that is itself a list or a
        // mapping (`? [a, b]`, `{a: 1}: b`) would crash the scan, so such keys are refused before.
        if let node, hasNonTextKey(node) {
            throw ParseError(message: "a mapping key is a list or a mapping; keys must be plain text")
        }
        guard let object = node?.any as? [String: Any] else {
            throw ParseError(message: "expected a mapping with 'product', 'signature_date' and 'real_time'")
        }
        return try parse(object, file: file, now: now)
    }

    public static func parse(_ object: [String: Any], file: String, now: Date) throws(ParseError) -> AntivirusProduct {
        for key in object.keys.sorted() where !allowedKeys.contains(key) {
            throw ParseError(message: "unknown key '\(key)' (allowed: \(allowedKeys.sorted().joined(separator: ", ")))")
        }
        guard let product = (object["product"] as? String)?.lowercased() else {
            throw ParseError(
                message: "missing 'product' (one of \(knownProducts.keys.sorted().joined(separator: ", ")))")
        }
        guard let displayName = knownProducts[product] else {
            throw ParseError(
                message:
                    "unknown product '\(product.prefix(40))' (one of \(knownProducts.keys.sorted().joined(separator: ", ")))"
            )
        }
        guard object["signature_date"] != nil else { throw ParseError(message: "missing 'signature_date'") }
        guard object["real_time"] != nil else { throw ParseError(message: "missing 'real_time' (true or false)") }
        let realTime = try bool(object, "real_time")
        let signatureDate = try date(object, "signature_date", now: now)
        return AntivirusProduct(
            product: product, name: (object["name"] as? String) ?? displayName, file: file,
            enabled: try bool(object, "enabled") ?? realTime, realTime: realTime,
            engineVersion: try string(object, "engine_version"),
            signatureVersion: try string(object, "signature_version"),
            signatureTime: signatureDate, lastFullScan: try date(object, "last_full_scan", now: now),
            lastQuickScan: try date(object, "last_quick_scan", now: now))
    }
}

private extension AntivirusStatusFileParser {
    /// True when some mapping in the tree has a key that is not a scalar.
    static func hasNonTextKey(_ node: Node) -> Bool {
        if let mapping = node.mapping {
            return mapping.contains { $0.key.scalar == nil || hasNonTextKey($0.value) }
        }
        return node.sequence?.contains(where: hasNonTextKey) ?? false
    }

    static func bool(_ object: [String: Any], _ key: String) throws(ParseError) -> Bool? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        if let flag = value as? Bool { return flag }
        throw ParseError(message: "'\(key)': expected true or false, found '\(String(describing: value).prefix(40))'")
    }

    static func string(_ object: [String: Any], _ key: String) throws(ParseError) -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        if let text = value as? String { return text }
        if let number = value as? Int { return String(number) }
        if let number = value as? Double { return String(number) }
        throw ParseError(message: "'\(key)': expected text, found '\(String(describing: value).prefix(40))'")
    }

    static func date(_ object: [String: Any], _ key: String, now: Date) throws(ParseError) -> Date? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        var parsed: Date?
        if let date = value as? Date { parsed = date }
        if let text = value as? String { parsed = ExportDateParser.parse(text) }
        guard let parsed else {
            throw ParseError(
                message:
                    "'\(key)': expected a date such as 2026-11-27T22:00:00Z, found '\(String(describing: value).prefix(40))'"
            )
        }
        if parsed > now.addingTimeInterval(86_400) {
            throw ParseError(
                message:
                    "'\(key)' \(CapdoDate.iso8601(parsed)) is in the future (scan time \(CapdoDate.iso8601(now))); check the device clock"
            )
        }
        return parsed
    }
}

private extension Node {
    /// Whether this node, its aliases expanded, has at most `nodes` nodes (counted without expanding them).
    func fits(nodes: Int) -> Bool {
        var left = nodes
        func visit(_ node: Node) -> Bool {
            left -= 1
            guard left >= 0 else { return false }
            switch node {
            case .scalar, .alias: return true
            case .sequence(let items): return items.allSatisfy(visit)
            case .mapping(let pairs): return pairs.allSatisfy { visit($0.key) && visit($0.value) }
            }
        }
        return visit(self)
    }
}
