import CapdoCore

/// Turns a `check:` / `applies:` / `warn_unless:` node into a `Check`, refusing unknown resources,
/// selectors and matchers.
struct CheckParser {
    let context: LoadContext
    /// `applies` also accepts the `os_family` and `package` shorthands.
    var allowShorthands = false

    func parse(_ node: YNode) throws(CapdoError) -> Check {
        guard case .mapping(let pairs, let line) = node else {
            throw context.error(
                node.line, "a check must be a mapping such as `config: {…}` or `all: […]`, found \(node.kindName)")
        }
        guard !pairs.isEmpty else { throw context.error(line, "empty check") }
        if pairs.count > 1 {
            // Several resources side by side mean `all`.
            var checks: [Check] = []
            for pair in pairs { checks.append(try parseOne(key: pair.key, keyLine: pair.keyLine, value: pair.value)) }
            return .all(checks)
        }
        let pair = pairs[0]
        return try parseOne(key: pair.key, keyLine: pair.keyLine, value: pair.value)
    }

    private func parseOne(key: String, keyLine: Int, value: YNode) throws(CapdoError) -> Check {
        switch key {
        case "all", "any", "none":
            guard let items = value.items, !items.isEmpty else {
                throw context.error(value.line, "'\(key)' needs a non-empty list of checks")
            }
            var checks: [Check] = []
            for item in items { checks.append(try parse(item)) }
            return key == "all" ? .all(checks) : key == "any" ? .any(checks) : .none(checks)
        case "os_family" where allowShorthands:
            let families =
                value.items?.compactMap { $0.scalar?.stringValue } ?? [value.scalar?.stringValue].compactMap { $0 }
            guard !families.isEmpty else { throw context.error(value.line, "'os_family' needs a list of families") }
            return .resource(
                ResourceCheck(
                    kind: SystemResolver().kind, selector: ["field": .string("os_family")],
                    matchers: [Matcher(op: .in, operand: .array(families.map(FactValue.string)))],
                    location: SourceLocation(file: context.file, line: keyLine)))
        case "package" where allowShorthands && value.scalar != nil:
            return .resource(
                ResourceCheck(
                    kind: PackageResolver().kind, selector: ["name": value.factValue, "installed": .bool(true)],
                    matchers: [],
                    location: SourceLocation(file: context.file, line: keyLine)))
        default:
            guard let resolver = ResourceResolvers.resolver(for: ResourceKind(rawValue: key)) else {
                let known = Set(ResourceResolvers.all.map(\.kind.rawValue) + ["all", "any", "none"])
                let hint = LoadContext.closest(key, in: known).map { " (did you mean '\($0)'?)" } ?? ""
                throw context.error(keyLine, "unknown resource '\(key)'\(hint)")
            }
            return .resource(try parseResource(resolver, value, keyLine: keyLine))
        }
    }

    private func parseResource(_ resolver: any ResourceResolver, _ node: YNode, keyLine: Int) throws(CapdoError)
        -> ResourceCheck
    {
        let kind = resolver.kind
        guard case .mapping(let pairs, _) = node else {
            throw context.error(node.line, "'\(kind.rawValue)' must be a mapping")
        }
        var selector: [String: FactValue] = [:]
        var matchers: [Matcher] = []
        for pair in pairs {
            if resolver.selectorKeys.contains(pair.key) {
                if pair.key == "where" {
                    try validateWhere(pair.value)
                }
                selector[pair.key] = pair.value.factValue
            } else if resolver.attributeKeys.contains(pair.key) {
                // `uid: 0` means equals; `uid: {le: 999}` holds matchers.
                if pair.value.scalar == nil { _ = try parseMatchers(pair.value) }
                selector["attr." + pair.key] = pair.value.factValue
            } else {
                matchers.append(try parseMatcher(pair.key, pair.value, keyLine: pair.keyLine))
            }
        }
        for group in resolver.requiredKeys where !group.contains(where: { selector[$0] != nil }) {
            let keys = group.map { "'\($0)'" }.joined(separator: " or ")
            throw context.error(keyLine, "'\(kind.rawValue)' needs \(keys)")
        }
        return ResourceCheck(
            kind: kind, selector: selector, matchers: matchers,
            location: SourceLocation(file: context.file, line: keyLine))
    }

    func parseMatchers(_ node: YNode) throws(CapdoError) -> [Matcher] {
        guard case .mapping(let pairs, _) = node else {
            throw context.error(node.line, "expected matchers such as `{le: 7}`, found \(node.kindName)")
        }
        var result: [Matcher] = []
        for pair in pairs { result.append(try parseMatcher(pair.key, pair.value, keyLine: pair.keyLine)) }
        return result
    }

    private func parseMatcher(_ key: String, _ value: YNode, keyLine: Int) throws(CapdoError) -> Matcher {
        guard let op = MatcherOperator(rawValue: key) else {
            let known = Set(MatcherOperator.allCases.map(\.rawValue))
            let hint = LoadContext.closest(key, in: known).map { " (did you mean '\($0)'?)" } ?? ""
            throw context.error(keyLine, "unknown matcher '\(key)'\(hint)")
        }
        if op.takesNestedMatchers {
            return Matcher(op: op, operand: .null, nested: try parseMatchers(value))
        }
        switch op {
        case .coversPorts:
            guard let ports = value.items, !ports.isEmpty,
                ports.allSatisfy({ $0.scalar?.stringValue.flatMap(Int.init).map { (1...65_535).contains($0) } == true })
            else {
                throw context.error(value.line, "'covers_ports' needs a list of port numbers (1-65535)")
            }
        case .in, .notIn:
            guard value.items != nil || value.scalar?.stringValue?.hasPrefix("${") == true else {
                throw context.error(value.line, "'\(key)' needs a list")
            }
        case .matches, .notMatches:
            guard let pattern = value.scalar?.stringValue else {
                throw context.error(value.line, "'\(key)' needs a regular expression")
            }
            // Compiled through the cache: the evaluation that follows reuses it instead of compiling it again.
            if !pattern.contains("${"), RegexCache.shared.regex(pattern) == nil {
                throw context.error(value.line, "'\(key)': invalid regular expression '\(pattern)'")
            }
        case .exists:
            guard value.scalar?.boolValue != nil else {
                throw context.error(value.line, "'exists' needs true or false")
            }
        default:
            guard value.scalar != nil else { throw context.error(value.line, "'\(key)' needs a single value") }
        }
        return Matcher(op: op, operand: value.factValue)
    }

    private func validateWhere(_ node: YNode) throws(CapdoError) {
        guard case .mapping(let pairs, _) = node else {
            throw context.error(node.line, "'where' must map fields to values or matchers")
        }
        for pair in pairs where pair.value.scalar == nil {
            _ = try parseMatchers(pair.value)
        }
    }
}
