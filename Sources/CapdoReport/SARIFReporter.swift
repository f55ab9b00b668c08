import CapdoCore
import Foundation

/// The findings as SARIF 2.1.0, for code-scanning dashboards (GitHub, GitLab, Azure DevOps).
///
/// One run; `tool.driver.rules` lists every rule that reported, sorted by id, with its TT12 / TCVN 11930 ids and
/// severity. `results` holds one entry per `fail`, `warn` or `error` finding (pass, not applicable, manual and
/// waived are left out). Levels: a failure is `error` for critical/high, `warning` for medium/low and `note` for
/// info; a warning is `warning`; a collection error is `note` with `properties.capdo_status = "error"`. Evidence
/// locations of the form `path/to/file:line` become physical locations. Keys are sorted, so the bytes are stable.
public struct SARIFReporter: Reporter {
    public let format = "sarif"
    public let fileExtension = "sarif"

    public init() {}

    /// The `$schema` the document declares.
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    /// The statuses that produce a result.
    public static let reportedStatuses: Set<FindingStatus> = [.fail, .warn, .error]

    public func render(_ result: ScanResult, language: Language) -> String {
        let findings = result.allFindings
        var rules: [String: Finding] = [:]
        for finding in findings where rules[finding.ruleID] == nil { rules[finding.ruleID] = finding }
        let driver: [String: Any] = [
            "name": result.scanner.name,
            "version": result.scanner.version,
            "rules": rules.keys.sorted().compactMap { rules[$0].map(Self.rule) },
        ]
        let results = findings.filter { Self.reportedStatuses.contains($0.status) }
            .map { Self.result($0, language: language) }
        let document: [String: Any] = [
            "$schema": Self.schemaURI,
            "version": "2.1.0",
            "runs": [["tool": ["driver": driver], "results": results]],
        ]
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return "{}\n" }
        return JSONReporter.inert(String(decoding: data, as: UTF8.self)) + "\n"
    }

    /// The SARIF level of a reported finding.
    public static func level(_ finding: Finding) -> String {
        switch finding.status {
        case .fail:
            switch finding.severity {
            case .critical, .high: return "error"
            case .medium, .low: return "warning"
            case .info: return "note"
            }
        case .warn: return "warning"
        default: return "note"
        }
    }

    /// `(file, line)` of an evidence location such as `etc/ssh/sshd_config:33`; nil when it names no file path
    /// (`default`, a packet number, an endpoint such as `portal.example.vn:443`).
    public static func fileLocation(_ location: String?) -> (file: String, line: Int?)? {
        guard let location, !location.isEmpty, !location.contains(" ") else { return nil }
        var file = location
        var line: Int?
        if let colon = location.lastIndex(of: ":"), let number = Int(location[location.index(after: colon)...]),
            number > 0
        {
            file = String(location[..<colon])
            line = number
        }
        guard file.contains("/"), !file.contains("://") else { return nil }
        return (file, line)
    }
}

private extension SARIFReporter {
    static func rule(_ finding: Finding) -> [String: Any] {
        let ref = finding.requirement
        var properties: [String: Any] = [
            "tt12": ref.tt12, "tcvn11930": ref.tcvn11930, "severity": finding.severity.rawValue,
            "group": finding.group.rawValue, "tags": ["security", "level2"],
        ]
        if let tcvn = ref.tcvn14423 { properties["tcvn14423"] = tcvn }
        if let decree = ref.nd331 { properties["nd331"] = decree }
        return [
            "id": finding.ruleID,
            "name": finding.ruleID,
            "shortDescription": ["text": finding.title.en],
            "fullDescription": [
                "text": "\(finding.title.en) (TT 12/2022 Annex II \(ref.tt12); TCVN 11930:2017 \(ref.tcvn11930))"
            ],
            "help": ["text": finding.remediation.en],
            "properties": properties,
        ]
    }

    static func result(_ finding: Finding, language: Language) -> [String: Any] {
        var properties: [String: Any] = [
            "host": finding.host, "capdo_status": finding.status.rawValue, "severity": finding.severity.rawValue,
        ]
        if let waiver = finding.waiver { properties["expired_waiver"] = waiver.expired }
        var seen = Set<String>()
        var locations: [[String: Any]] = []
        for evidence in evidence(of: finding) {
            guard let place = fileLocation(evidence.location), seen.insert("\(place.file):\(place.line ?? 0)").inserted
            else { continue }
            let uri = place.file.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? place.file
            var physical: [String: Any] = ["artifactLocation": ["uri": uri]]
            if let line = place.line { physical["region"] = ["startLine": line] }
            locations.append(["physicalLocation": physical])
        }
        var entry: [String: Any] = [
            "ruleId": finding.ruleID,
            "level": level(finding),
            "message": ["text": message(finding, language: language)],
            "properties": properties,
        ]
        if !locations.isEmpty { entry["locations"] = locations }
        return entry
    }

    /// The evidence that explains the verdict: the failing or unknown items, or all when none is.
    static func evidence(of finding: Finding) -> [Evidence] {
        let failing = finding.evidence.filter { $0.outcome != .pass }
        return failing.isEmpty ? finding.evidence : failing
    }

    static func message(_ finding: Finding, language: Language) -> String {
        var text = "\(finding.title.text(language)) [\(finding.host)]"
        if let reason = finding.reason { text += ": " + reason.text(language) }
        for item in evidence(of: finding) {
            text += "\n\(item.subject): expected \(item.expected), found \(item.found)"
            if let location = item.location { text += " (\(location))" }
        }
        return HostileText.sanitize(text)
    }
}
