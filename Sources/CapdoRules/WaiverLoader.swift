import CapdoCore

/// Reads `waivers.yaml`. A malformed waiver fails fast: justification, approver and expiry are required.
public enum WaiverLoader {
    public static func load(text: String, file: String) throws(CapdoError) -> [Waiver] {
        let context = LoadContext(file: file)
        guard let root = try YAMLReader.parse(text, file: file) else { return [] }
        try context.checkKeys(root, allowed: ["waivers"], required: ["waivers"], what: "waivers file")
        guard let items = root["waivers"]?.items else {
            throw context.error(root.line, "'waivers' must be a list", code: .waivers)
        }
        var result: [Waiver] = []
        for node in items {
            try context.checkKeys(
                node, allowed: ["rule", "hosts", "justification", "approved_by", "issued", "expires", "ticket"],
                required: ["rule", "justification", "approved_by", "expires"], what: "waiver")
            let rule = try context.string(node["rule"], "rule", line: node.line)
            let hosts = node["hosts"]?.items?.compactMap { $0.scalar?.stringValue } ?? ["*"]
            let expiresText = try context.string(node["expires"], "expires", line: node.line)
            guard let expires = CapdoDate.parse(expiresText) else {
                throw context.error(
                    node["expires"]!.line,
                    "waiver for '\(rule)': expires must be a date (YYYY-MM-DD), found '\(expiresText)'", code: .waivers)
            }
            let issued = node["issued"]?.scalar?.stringValue.flatMap(CapdoDate.parse)
            // A date-only expiry lasts to the end of that day.
            // A date alone means the end of that day where the waiver was signed (Viet Nam, UTC+07:00): it is
            // printed back as written and still applies until 23:59:59 that day.
            let endOfDay = expiresText.count == 10 ? expires.addingTimeInterval(86_399 - 7 * 3_600) : expires
            result.append(
                Waiver(
                    rule: rule, hosts: hosts,
                    justification: try context.string(node["justification"], "justification", line: node.line),
                    approvedBy: try context.string(node["approved_by"], "approved_by", line: node.line), issued: issued,
                    expires: endOfDay, ticket: node["ticket"]?.scalar?.stringValue,
                    location: SourceLocation(file: file, line: node.line)))
        }
        return result
    }
}

import Foundation
