import CapdoCore
import Foundation

/// The machine-readable report: the `ScanResult` as `SnapshotCodec` encodes it, plus a top-level `summary`.
///
/// Shape (keys sorted, dates ISO 8601 UTC, pretty-printed):
/// ```
/// { "schema_version": 1, "scanner": …, "started_at": …, "finished_at": …, "organisation": …, "profile": …,
///   "rule_set": …, "regime": …, "hosts": [...], "controls": [...], "waivers": [...],
///   "summary": {
///     "overall": "fail" | "warn" | "pass",
///     "exit_code": 0 | 2,
///     "counts": { "pass": n, "fail": n, "warn": n, "error": n, "not_applicable": n, "manual": n, "waived": n },
///     "groups": [ { "group": "network", "score": 66.7 | null, "pass": n, "fail": n, "warn": n } ],
///     "items": [ { "section": "II.2", "item": "1.2.1", "tcvn11930": "6.2.2.1", "verdict": "not_met",
///                  "rules": [...], "hosts": [...], "counts": { status: n, … } } ] } }
/// ```
/// `schema_version` is `ScanResult.currentSchemaVersion`; `summary` is derived and ignored when decoding a
/// `ScanResult`. The text is language-neutral (localized fields carry both `vi` and `en`), so `language` is unused.
/// `<`, `>`, `&`, U+2028 and U+2029 are written as `\uXXXX` escapes so the file stays inert even if a browser or
/// an HTML page embeds it.
public struct JSONReporter: Reporter {
    public let format = "json"
    public let fileExtension = "json"

    public init() {}

    public func render(_ result: ScanResult, language: Language) -> String {
        let document = JSONReportDocument(result: result, summary: JSONReportSummary(result))
        guard let data = try? SnapshotCodec.encoder().encode(document) else {
            return "{}\n"
        }
        return Self.inert(String(decoding: data, as: UTF8.self)) + "\n"
    }

    /// Escapes characters that could make JSON text active when embedded in HTML or JavaScript.
    static func inert(_ json: String) -> String {
        // Byte-level: `<`, `>`, `&` are ASCII, and U+2028/U+2029 are E2 80 A8/A9 in UTF-8, so a copy with a
        // few substitutions is enough (a fleet report is tens of megabytes).
        var out: [UInt8] = []
        out.reserveCapacity(json.utf8.count + json.utf8.count / 32)
        let bytes = Array(json.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "<"): out.append(contentsOf: Array("\\u003c".utf8))
            case UInt8(ascii: ">"): out.append(contentsOf: Array("\\u003e".utf8))
            case UInt8(ascii: "&"): out.append(contentsOf: Array("\\u0026".utf8))
            case 0xE2
            where index + 2 < bytes.count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                out.append(contentsOf: Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8))
                index += 2
            default: out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
