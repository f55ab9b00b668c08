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
///     "overall": "fail" | "warn" | "pass",            // over the checks; decides the exit code
///     "conclusion": { "compliant": false, "items": { "met": n, "partly_met": n, "not_met": n, "manual": n,
///                     "not_assessed": n, "not_applicable": n },
///                     "open": [ { "item": "II.2 1.2.1", "verdict": "not_met" }, … ] },   // over the items
///     "exit_code": 0 | 1 | 2,
///     "counts": { "pass": n, "fail": n, "warn": n, "error": n, "not_applicable": n, "not_assessed": n, "manual": n,
///                 "waived": n },
///     "groups": [ { "group": "network", "score": 66.7 | null, "items": { verdict: n, … }, "pass": n, "fail": n,
///                   "warn": n } ],
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
        var text = ""
        render(result, language: language, to: &text)
        return text
    }

    /// Streams the report: the document is encoded once with no hosts, then the hosts go into its
    /// empty `hosts` array a batch at a time, each batch encoded on all cores (each host's pretty-printed object
    /// indented to its depth and made inert) and written as bytes. The bytes are the same as encoding the whole
    /// document at once; memory holds one batch, not the whole fleet report.
    public func render<Output: ReportOutputStream>(_ result: ScanResult, language: Language, to output: inout Output) {
        let summary = JSONReportSummary(result)
        let encoder = SnapshotCodec.encoder()
        var shell = result
        shell.hosts = []
        let empty = "\n  \"hosts\" : [\n\n  ]"
        guard let data = try? encoder.encode(JSONReportDocument(result: shell, summary: summary)),
            case let text = Self.inert(String(decoding: data, as: UTF8.self)),
            let slot = text.range(of: empty)
        else {
            guard let data = try? encoder.encode(JSONReportDocument(result: result, summary: summary)) else {
                output.write("{}\n")
                return
            }
            output.write(Self.inert(String(decoding: data, as: UTF8.self)) + "\n")
            return
        }
        output.write(String(text[..<slot.lowerBound]) + "\n  \"hosts\" : [\n")
        let hosts = result.hosts
        // Hosts sit at 4 spaces, so their findings at 8.
        var fragments = FindingFragments(inert: true, indent: Self.hostIndent + 4)
        for start in stride(from: 0, to: hosts.count, by: Self.batchSize) {
            let batch = Array(hosts[start..<min(start + Self.batchSize, hosts.count)])
            fragments.learn(batch.lazy.flatMap(\.findings))
            let known = fragments
            let parts = Mutex<[[UInt8]]>(Array(repeating: [], count: batch.count))
            DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                let bytes = Self.hostJSON(batch[index], indent: Self.hostIndent, fragments: known)
                parts.withLock { $0[index] = bytes }
            }
            let encoded = parts.withLock { parts in
                defer { parts = [] }
                return parts
            }
            for (index, bytes) in encoded.enumerated() {
                if start > 0 || index > 0 { output.write(",\n") }
                bytes.withUnsafeBufferPointer { output.write(utf8: $0) }
            }
        }
        output.write("\n  ]" + text[slot.upperBound...] + "\n")
    }

    /// The indentation of a host object in the report's `hosts` array.
    static let hostIndent = 4

    /// One host as `SnapshotCodec.encoder()` writes it, indented by `indent` and made inert: Foundation encodes the
    /// host without its findings, and `FindingJSON` writes the findings (nearly all of the bytes) straight into
    /// the empty array, in the same format, copying in the `fragments` of their rules. The reference path is the
    /// whole host encoded by Foundation; `JSONReporterTests` holds the streamed report to it byte for byte.
    static func hostJSON(_ host: HostResult, indent: Int, fragments: FindingFragments? = nil) -> [UInt8] {
        var bare = host
        bare.findings = []
        guard let data = try? SnapshotCodec.encoder().encode(bare) else { return Array("{}".utf8) }
        let bytes = [UInt8](data)
        var out: [UInt8] = []
        // A host's keys are sorted and its nested keys indented deeper, so the first match is the host's own.
        guard let start = EncodedJSON.firstOccurrence(of: emptyFindings, in: bytes) else {
            let whole = (try? SnapshotCodec.encoder().encode(host)).map { [UInt8]($0) } ?? Array("{}".utf8)
            whole.withUnsafeBufferPointer {
                EncodedJSON.appendIndented($0[...], indent: indent, lineStart: true, into: &out)
            }
            return out
        }
        out.reserveCapacity(bytes.count + host.findings.count * 1_400)
        bytes.withUnsafeBufferPointer { bytes in
            EncodedJSON.appendIndented(bytes[..<start], indent: indent, lineStart: true, into: &out)
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: indent + 2))
            out.append(contentsOf: "\"findings\" : ".utf8)
            var writer = FindingJSON(inert: true, into: out, fragments: fragments)
            writer.array(host.findings, indent: indent + 2)
            out = writer.take()
            EncodedJSON.appendIndented(
                bytes[(start + emptyFindings.count)...], indent: indent, lineStart: false, into: &out)
        }
        return out
    }

    /// The empty `findings` array of a host encoded without findings.
    private static let emptyFindings = Array("\n  \"findings\" : [\n\n  ]".utf8)

    /// Hosts encoded per parallel batch.
    static let batchSize = 256

    /// Escapes characters that could make JSON text active when embedded in HTML or JavaScript (`EncodedJSON.inert`).
    static func inert(_ json: String) -> String { EncodedJSON.inert(json) }
}
