import CapdoCore

/// Reads rule files: a YAML list of rules, validated strictly (docs/rules.md).
public enum RuleLoader {
    static let ruleKeys: Set<String> = [
        "id", "title", "description", "rationale", "requirement", "group", "severity", "applies", "check",
        "warn_unless", "absence_proof", "manual", "remediation", "threshold_source", "examples", "references",
    ]
    static let requiredKeys: Set<String> = [
        "id", "title", "requirement", "severity", "check", "remediation", "threshold_source", "examples",
    ]

    /// Parses the rules of one file. `displayPath` is what errors and findings show (repo-relative).
    public static func load(text: String, file displayPath: String, defaultGroup: RequirementGroup?) throws(CapdoError)
        -> [Rule]
    {
        guard let root = try YAMLReader.parse(text, file: displayPath) else { return [] }
        let fileContext = LoadContext(file: displayPath)
        guard let items = root.items else {
            throw fileContext.error(
                root.line, "a rule file must be a list of rules (`- id: …`), found \(root.kindName)")
        }
        var rules: [Rule] = []
        for item in items {
            rules.append(try parseRule(item, file: displayPath, defaultGroup: defaultGroup))
        }
        return rules
    }

    static func parseRule(_ node: YNode, file: String, defaultGroup: RequirementGroup?) throws(CapdoError) -> Rule {
        var context = LoadContext(file: file)
        if let id = node["id"]?.scalar?.stringValue { context.ruleID = id }
        try context.checkKeys(node, allowed: ruleKeys, required: requiredKeys, what: "rule")
        let id = try context.string(node["id"], "id", line: node.line)
        guard isValidID(id) else {
            throw context.error(
                node["id"]?.line ?? node.line,
                "id must be dotted snake_case with a domain prefix, e.g. srv.auth.ssh_root_login_disabled")
        }

        let requirementNode = node["requirement"]!
        try context.checkKeys(
            requirementNode, allowed: ["tt12", "tcvn11930", "tcvn11930_inferred", "tcvn14423", "nd331"],
            required: ["tt12", "tcvn11930"],
            what: "requirement")
        let requirement = RequirementRef(
            tt12: try context.string(requirementNode["tt12"], "requirement.tt12", line: requirementNode.line),
            tcvn11930: try context.string(
                requirementNode["tcvn11930"], "requirement.tcvn11930", line: requirementNode.line),
            tcvn14423: requirementNode["tcvn14423"]?.scalar?.stringValue,
            nd331: requirementNode["nd331"]?.scalar?.stringValue,
            tcvn11930Inferred: requirementNode["tcvn11930_inferred"]?.scalar?.boolValue ?? false)

        let group: RequirementGroup
        if let groupNode = node["group"] {
            guard let parsed = groupNode.scalar?.stringValue.flatMap(RequirementGroup.init(rawValue:)) else {
                throw context.error(groupNode.line, "group must be one of \(RequirementGroup.allCases.map(\.rawValue))")
            }
            group = parsed
        } else if let defaultGroup {
            group = defaultGroup
        } else {
            throw context.error(node.line, "missing 'group' (or put the file under Rules/level2/<group>/)")
        }

        let severityNode = node["severity"]!
        guard let severity = severityNode.scalar?.stringValue.flatMap(Severity.init(rawValue:)) else {
            throw context.error(severityNode.line, "severity must be one of \(Severity.allCases.map(\.rawValue))")
        }

        let parser = CheckParser(context: context)
        let check = try parser.parse(node["check"]!)
        let applies: Check?
        if let appliesNode = node["applies"] {
            applies = try CheckParser(context: context, allowShorthands: true).parse(appliesNode)
        } else {
            applies = nil
        }
        let warnUnless: Check? = try node["warn_unless"].map { (n: YNode) throws(CapdoError) in try parser.parse(n) }
        let absenceProof: Check? = try node["absence_proof"].map { (n: YNode) throws(CapdoError) in
            try parser.parse(n)
        }

        var manual = false
        if let manualNode = node["manual"] {
            guard case .bool(let value)? = manualNode.scalar else {
                throw context.error(manualNode.line, "'manual' must be true or false")
            }
            manual = value
        }

        let examples = try parseExamples(node["examples"]!, context: context, hasWarn: warnUnless != nil)
        return Rule(
            id: id, title: try context.localized(node["title"], "title", line: node.line),
            description: try node["description"].map { (n: YNode) throws(CapdoError) in
                try context.localized(n, "description", line: n.line)
            },
            rationale: try node["rationale"].map { (n: YNode) throws(CapdoError) in
                try context.localized(n, "rationale", line: n.line)
            },
            requirement: requirement, group: group, severity: severity, applies: applies, check: check,
            warnUnless: warnUnless, absenceProof: absenceProof, manual: manual,
            remediation: try context.localized(node["remediation"], "remediation", line: node.line),
            thresholdSource: try context.string(node["threshold_source"], "threshold_source", line: node.line),
            examples: examples, location: SourceLocation(file: file, line: node.line))
    }

    static func parseExamples(_ node: YNode, context: LoadContext, hasWarn: Bool) throws(CapdoError) -> RuleExamples {
        try context.checkKeys(node, allowed: ["pass", "fail", "warn"], required: ["pass", "fail"], what: "examples")
        func list(_ key: String) throws(CapdoError) -> [RuleExample] {
            guard let listNode = node[key] else { return [] }
            guard let items = listNode.items else {
                throw context.error(listNode.line, "examples.\(key) must be a list of fact fragments")
            }
            var result: [RuleExample] = []
            for item in items {
                guard case .mapping = item else {
                    throw context.error(
                        item.line, "each example in examples.\(key) must be a mapping (a facts fragment)")
                }
                result.append(
                    RuleExample(facts: item.factValue, location: SourceLocation(file: context.file, line: item.line)))
            }
            return result
        }
        let pass = try list("pass")
        let fail = try list("fail")
        let warn = try list("warn")
        if fail.isEmpty {
            throw context.error(
                node.line, "a rule needs at least one failing example (a check that cannot fail is a defect)")
        }
        if pass.isEmpty {
            throw context.error(node.line, "a rule needs at least one passing example")
        }
        return RuleExamples(pass: pass, fail: fail, warn: warn)
    }

    /// `srv.auth.ssh_root_login_disabled`: at least two dot-separated snake_case parts.
    static func isValidID(_ id: String) -> Bool {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return false }
        return parts.allSatisfy { part in
            guard let first = part.first, first.isLowercase, first.isASCII else { return false }
            return part.allSatisfy { ($0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "_" }
        }
    }
}
