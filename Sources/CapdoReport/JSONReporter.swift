import CapdoCore
import Foundation
import Synchronization

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
        let summary = JSONReportSummary(result)
        if result.hosts.count > 1, let spliced = Self.renderHostsInParallel(result, summary: summary) {
            return spliced + "\n"
        }
        guard let data = try? SnapshotCodec.encoder().encode(JSONReportDocument(result: result, summary: summary))
        else {
            return "{}\n"
        }
        return Self.inert(String(decoding: data, as: UTF8.self)) + "\n"
    }

    /// The same bytes as encoding the whole document at once, with the hosts (nearly all of a fleet report)
    /// encoded on all cores: the document is encoded with no hosts, and each host's pretty-printed object,
    /// indented to its depth and made inert, is put into the empty `hosts` array. Nil if the empty array is not where
    /// expected.
    static func renderHostsInParallel(_ result: ScanResult, summary: JSONReportSummary) -> String? {
        var shell = result
        shell.hosts = []
        guard let data = try? SnapshotCodec.encoder().encode(JSONReportDocument(result: shell, summary: summary))
        else { return nil }
        let text = inert(String(decoding: data, as: UTF8.self))
        let empty = "\n  \"hosts\" : [\n\n  ]"
        guard let slot = text.range(of: empty) else { return nil }
        let hosts = result.hosts
        let parts = Mutex<[String?]>(Array(repeating: nil, count: hosts.count))
        DispatchQueue.concurrentPerform(iterations: hosts.count) { index in
            guard let host = try? SnapshotCodec.encoder().encode(hosts[index]) else { return }
            let indented = Self.inert(Self.indented(host, by: 4))
            parts.withLock { $0[index] = indented }
        }
        let encoded = parts.withLock { $0 }
        guard encoded.allSatisfy({ $0 != nil }) else { return nil }
        var out = String(text[..<slot.lowerBound])
        out.reserveCapacity(text.utf8.count + encoded.reduce(0) { $0 + ($1?.utf8.count ?? 0) + 2 })
        out += "\n  \"hosts\" : [\n"
        out += encoded.map { $0 ?? "" }.joined(separator: ",\n")
        out += "\n  ]"
        out += text[slot.upperBound...]
        return out
    }

    /// `json` with every non-empty line indented by `spaces`, as the encoder indents nested values (an empty
    /// array's blank line stays blank; pretty-printed JSON strings never hold a raw newline).
    private static func indented(_ json: Data, by spaces: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(json.count + json.count / 8)
        var lineStart = true
        for byte in json {
            if lineStart && byte != 0x0A { out.append(contentsOf: repeatElement(0x20, count: spaces)) }
            out.append(byte)
            lineStart = byte == 0x0A
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let lessThan = Array("\\u003c".utf8)
    private static let greaterThan = Array("\\u003e".utf8)
    private static let ampersand = Array("\\u0026".utf8)
    private static let lineSeparator = Array("\\u2028".utf8)
    private static let paragraphSeparator = Array("\\u2029".utf8)

    /// Escapes characters that could make JSON text active when embedded in HTML or JavaScript.
    static func inert(_ json: String) -> String {
        // Byte-level: `<`, `>`, `&` are ASCII, and U+2028/U+2029 are E2 80 A8/A9 in UTF-8, so a copy with a
        // few substitutions is enough (a fleet report is tens of megabytes).
        let escaped: (UInt8) -> Bool = { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0xE2 }
        guard json.utf8.contains(where: escaped) else { return json }
        var out: [UInt8] = []
        out.reserveCapacity(json.utf8.count + json.utf8.count / 32)
        var text = json
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x3C: out.append(contentsOf: Self.lessThan)
                case 0x3E: out.append(contentsOf: Self.greaterThan)
                case 0x26: out.append(contentsOf: Self.ampersand)
                case 0xE2
                where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    out.append(contentsOf: bytes[index + 2] == 0xA8 ? Self.lineSeparator : Self.paragraphSeparator)
                    index += 2
                default: out.append(byte)
                }
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
