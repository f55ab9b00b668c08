import CapdoCore

/// Judging a collection (`account`, `items`, `antivirus`): the items a `where` selects, counted by `count`
/// matchers (none means "none may match").
extension ResourceEvaluator {
    /// How many matches a finding lists by name and place before it only counts them.
    static let listedMatches = 10

    /// Judges the list at `path` (in `section`) with the selector's `where`: unknown when the section was not
    /// collected, an input of its collector could not be read, the path holds no list, or the `where` reads account
    /// fields of an etc/shadow that could not be read.
    func judgeCollection(at path: String, label: String, section: String, observation: Bool) -> CheckEvaluator.Result {
        guard facts[section] != nil else {
            return unknown(label, context.missing(section: section, collectorPrefixes: [section]))
        }
        if let unread = context.unread(collectorPrefixes: [section]) { return unknown(label, unread) }
        guard let items = facts.value(atPath: path)?.arrayValue else {
            return unknown(label, context.missing(section: path, collectorPrefixes: [section]))
        }
        if section == AccountResolver.section, facts[section]?["shadow_readable"]?.boolValue == false,
            let whereClause = check.selector["where"]?.objectValue,
            whereClause.keys.contains(where: AccountResolver.shadowFields.contains)
        {
            return unknown(
                label,
                context.missing(section: "accounts.shadow", collectorPrefixes: [section])
                    .upgradedToError())
        }
        return judgeCollection(label, items, locationPath: path, observation: observation, listPath: path)
    }

    /// Judges `items` with the selector's `where`. `locationPath` names where the collection lies when no match gives
    /// a place; `observation`: the collection is what a capture saw, so finding nothing in it is never proof alone.
    /// `listPath` names the list for the sentence's noun and item phrases (`lan.credentials`).
    func judgeCollection(
        _ label: String, _ items: [FactValue], locationPath: String, observation: Bool, listPath: String
    ) -> CheckEvaluator.Result {
        let whereClause = check.selector["where"]
        let conditions = (whereClause?.objectValue ?? [:]).sorted { $0.key < $1.key }
        // The matchers of each condition once, not once per item: a list may hold a thousand packages.
        let tests = conditions.map { (field: $0.key, matchers: Self.matchers(from: $0.value)) }
        let matcher = self.matcher
        let selected = items.filter { item in
            tests.allSatisfy { test in matcher.passes(item[test.field], test.matchers) }
        }
        let countMatchers = check.matchers.filter { $0.op == .count }
        let effective =
            countMatchers.isEmpty
            ? [Matcher(op: .count, operand: .null, nested: [Matcher(op: .equals, operand: .number(0))])] : countMatchers
        let judgement = matcher.judge(.array(selected), effective)
        let subject =
            conditions.isEmpty
            ? label
            : "\(label) where "
                + conditions.map { "\($0.key) \(Self.describeSpec(resolved($0.value)))" }.joined(separator: ", ")
        let names = selected.prefix(Self.listedMatches).map(Self.describeItem)
        var found = "\(selected.count) matching"
        if !names.isEmpty {
            found += ": " + names.joined(separator: "; ") + (selected.count > Self.listedMatches ? "; …" : "")
        }
        if selected.isEmpty { found += " among \(items.count)" }
        // Every match's own place (the file the judged field came from), up to the cap, then how many more. An item
        // that carries its etc/shadow line is an account, also when a rule reaches it as `items: accounts.accounts`.
        let readsShadow = conditions.contains { AccountResolver.shadowFields.contains($0.key) }
        var seen: Set<String> = []
        let places = selected.compactMap { Self.location($0, shadow: readsShadow) }.filter { seen.insert($0).inserted }
        let location =
            places.isEmpty
            ? Self.nearestLocation(facts, path: locationPath)
            : places.prefix(Self.listedMatches).joined(separator: ", ")
                + (places.count > Self.listedMatches ? " (+\(places.count - Self.listedMatches))" : "")
        let noun = CountedNoun.list(listPath)
        let wording = ConditionPhrase.conditions(
            conditions.map { field, spec in
                let resolvedSpec = resolved(spec)
                let requirement = matcher.judge(nil, Self.matchers(from: resolvedSpec)).requirement
                return (field, ConditionPhrase.phrase(field: field, spec: resolvedSpec, requirement: requirement))
            })
        let text = EvidenceSentence.collection(
            noun: noun, conditions: wording,
            names: selected.prefix(Self.listedMatches).map { ItemPhrase.describe($0, path: listPath) },
            count: selected.count, total: items.count, location: location,
            requirement: MatcherPhrase.count(resolvedCount(effective), noun: noun, conditions: wording))
        var result = single(
            subject, expected: judgement.expected, found: found, location: location, outcome: judgement.outcome,
            text: text)
        // Nothing found proves nothing when there was nothing to look at, or when the collection is an observation
        // of a network: the rule's absence_proof must then say why it counts.
        if selected.isEmpty, judgement.outcome == .pass, items.isEmpty || observation {
            result.vacuous = [subject]
        }
        return result
    }

    /// A `where` spec as text (`≥ 2048`, `one of ["md5"]`).
    static func describeSpec(_ spec: FactValue) -> String {
        matchers(from: spec).map { matcher in
            matcher.op.takesNestedMatchers
                ? "\(matcher.op.rawValue) "
                    + matcher.nested.map { MatcherEvaluator.describe($0.op, $0.operand) }.joined(separator: " and ")
                : MatcherEvaluator.describe(matcher.op, matcher.operand)
        }.joined(separator: " and ")
    }

    /// How a matching item is named in the finding: a product with its signature date, a name, a tool, a socket.
    static func describeItem(_ item: FactValue) -> String {
        if item["product"] != nil, let name = item["name"]?.stringValue {
            let signatures = item["signature_time"]?.stringValue.map { "signatures \($0)" } ?? "signature date unknown"
            let realTime =
                item["real_time"]?.boolValue.map { $0 ? "real-time on" : "real-time off" } ?? "real-time unknown"
            return "\(name) (\(signatures), \(realTime))"
        }
        if let name = item["name"]?.stringValue { return name }
        if let tool = item["tool"]?.stringValue { return tool }
        if item["port"]?.numberValue != nil { return PortResolver.describeSocket(item) }
        return ItemPhrase.describe(item, path: "").en
    }

    /// The nested matchers of `count` matchers, their operands resolved, for the requirement phrase.
    private func resolvedCount(_ matchers: [Matcher]) -> [Matcher] {
        matchers.flatMap(\.nested).map { nested in
            var copy = nested
            copy.operand = (try? context.resolve(nested.operand).get()) ?? nested.operand
            return copy
        }
    }

    /// The `where` spec with profile variables filled in, for display.
    private func resolved(_ spec: FactValue) -> FactValue {
        switch spec {
        case .object(let members): return .object(members.mapValues(resolved))
        case .array(let items): return .array(items.map(resolved))
        default: return (try? context.resolve(spec).get()) ?? spec
        }
    }
}
