import CapdoCore

/// Reads the controls file that maps every Phụ lục II item to rules (`Rules/controls/tt12-level2.yaml`).
public enum ControlsLoader {
    public static func load(text: String, file: String) throws(CapdoError) -> [ControlItem] {
        let context = LoadContext(file: file)
        guard let root = try YAMLReader.parse(text, file: file) else { return [] }
        try context.checkKeys(
            root, allowed: ["id", "title", "items", "description"], required: ["items"], what: "controls file")
        guard let items = root["items"]?.items else { throw context.error(root.line, "'items' must be a list") }
        var result: [ControlItem] = []
        var seen: Set<String> = []
        for node in items {
            try context.checkKeys(
                node,
                allowed: [
                    "id", "section", "group", "title", "tcvn11930", "tcvn11930_inferred", "new_at_level2", "coverage",
                    "rules", "notes",
                ],
                required: ["id", "section", "group", "title", "coverage"], what: "control item")
            let id = try context.string(node["id"], "id", line: node.line)
            let section = try context.string(node["section"], "section", line: node.line)
            guard seen.insert(section + " " + id).inserted else {
                throw context.error(node.line, "duplicate control item '\(section) \(id)'")
            }
            guard let group = node["group"]?.scalar?.stringValue.flatMap(RequirementGroup.init(rawValue:)) else {
                throw context.error(
                    node.line, "control '\(id)': group must be one of \(RequirementGroup.allCases.map(\.rawValue))")
            }
            guard let coverage = node["coverage"]?.scalar?.stringValue.flatMap(ControlItem.Coverage.init(rawValue:))
            else {
                throw context.error(node.line, "control '\(id)': coverage must be automated, partial or manual")
            }
            var rules: [String] = []
            var strengths: [String: CoverageStrength] = [:]
            // A rule is its id, or `{ id: rule, strength: automated | partial | attestation }`.
            for entry in node["rules"]?.items ?? [] {
                if let rule = entry.scalar?.stringValue {
                    rules.append(rule)
                    continue
                }
                try context.checkKeys(entry, allowed: ["id", "strength"], required: ["id"], what: "control rule")
                let rule = try context.string(entry["id"], "id", line: entry.line)
                rules.append(rule)
                if let text = entry["strength"]?.scalar?.stringValue {
                    guard let strength = CoverageStrength(rawValue: text) else {
                        throw context.error(
                            entry.line,
                            "control '\(id)': rule '\(rule)': strength must be automated, partial or attestation")
                    }
                    strengths[rule] = strength
                }
            }
            result.append(
                ControlItem(
                    id: id, section: section, group: group,
                    title: try context.localized(node["title"], "title", line: node.line),
                    tcvn11930: node["tcvn11930"]?.scalar?.stringValue,
                    newAtLevel2: node["new_at_level2"]?.scalar?.boolValue ?? false, coverage: coverage, rules: rules,
                    notes: try node["notes"].map { (n: YNode) throws(CapdoError) in
                        try context.localized(n, "notes", line: n.line)
                    }, tcvn11930Inferred: node["tcvn11930_inferred"]?.scalar?.boolValue ?? false,
                    strengths: strengths))
        }
        return result
    }
}
