import CapdoCore
import Foundation

/// The compact JSON report of a fleet (`--format fleet-json`; also what `json` writes for more than one host):
/// every rule once, every host once with its status counts, and per rule the distinct outcomes (status, reason,
/// evidence, waiver) each with the positions of the hosts that had it. Schema: docs/fleet-json.schema.json,
/// described in docs/fleet-json.md.
///
/// The members are written one by one in a fixed order, each encoded compactly with sorted keys, hosts a batch at
/// a time and findings a rule at a time, so memory holds one part, not the whole report. `<`, `>`, `&`, U+2028 and
/// U+2029 are written as `\uXXXX` escapes, as in the per-host JSON report.
public struct FleetJSONReporter: Reporter {
    public let format = "fleet-json"
    public let fileExtension: String

    /// The value of the document's `format` member.
    public static let documentFormat = "capdo-fleet"
    /// The document's `schema_version`.
    public static let schemaVersion = 1

    /// `fileExtension` is `fleet.json` when asked for by name, `json` when it stands in for the per-host JSON.
    public init(fileExtension: String = "fleet.json") {
        self.fileExtension = fileExtension
    }

    public func render(_ result: ScanResult, language: Language) -> String {
        var text = ""
        render(result, language: language, to: &text)
        return text
    }

    public func render<Output: ReportOutputStream>(_ result: ScanResult, language: Language, to output: inout Output) {
        let encoder = SnapshotCodec.encoder(pretty: false)
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json(_ value: some Encodable) -> String {
            guard let data = try? encoder.encode(value) else { return "null" }
            return EncodedJSON.inert(String(decoding: data, as: UTF8.self))
        }
        let parts = FleetJSONDocument.parts(result)
        output.write("{\"format\":\(json(Self.documentFormat)),\"schema_version\":\(Self.schemaVersion)")
        output.write(",\"scanner\":\(json(result.scanner)),\"started_at\":\(json(result.startedAt))")
        output.write(",\"finished_at\":\(json(result.finishedAt))")
        if let asOf = result.asOf { output.write(",\"as_of\":\(json(asOf))") }
        output.write(",\"organisation\":\(json(result.organisation)),\"profile\":\(json(result.profile))")
        output.write(",\"rule_set\":\(json(result.ruleSet)),\"regime\":\(json(result.regime))")
        if let systems = result.systems { output.write(",\"systems\":\(json(systems))") }
        output.write(",\"waivers\":\(json(result.waivers))")
        output.write(",\"summary\":\(json(JSONReportSummary(result)))")
        output.write(",\"rules\":\(json(parts.rules))")
        output.write(",\"hosts\":[")
        for start in stride(from: 0, to: parts.hosts.count, by: Self.batchSize) {
            let batch = json(Array(parts.hosts[start..<min(start + Self.batchSize, parts.hosts.count)]))
            if start > 0 { output.write(",") }
            output.write(String(batch.dropFirst().dropLast()))
        }
        output.write("],\"findings\":[")
        for (index, rule) in parts.findings.enumerated() {
            output.write((index > 0 ? ",\n" : "\n") + json(rule))
        }
        output.write("\n]}\n")
    }

    /// Hosts encoded at once.
    static let batchSize = 1_000
}
