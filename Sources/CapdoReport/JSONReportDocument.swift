import CapdoCore

/// The JSON report's top level: every key of `ScanResult` plus `summary`, in one object.
struct JSONReportDocument: Encodable {
    var result: ScanResult
    var summary: JSONReportSummary

    private enum CodingKeys: String, CodingKey {
        case summary
    }

    func encode(to encoder: any Encoder) throws {
        try result.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(summary, forKey: .summary)
    }
}
