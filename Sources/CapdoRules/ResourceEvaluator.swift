import CapdoCore

/// Resolves one resource check against the facts tree and judges it (docs/rules.md, "Resources").
struct ResourceEvaluator {
    let context: EvaluationContext
    let check: ResourceCheck

    private var matcher: MatcherEvaluator { MatcherEvaluator(context: context) }
    private var facts: FactValue { context.facts }

    func evaluate() -> CheckEvaluator.Result {
        switch check.kind {
        case .config: return config()
        case .package: return packages()
        case .service: return services()
        case .port: return ports()
        case .account:
            return collection(
                path: "accounts.accounts", label: "accounts", section: "accounts", collector: ["accounts"])
        case .items:
            let path = check.selector["path"]?.stringValue ?? ""
            let section = String(path.split(separator: ".").first ?? "")
            return collection(path: path, label: path, section: section, collector: [section])
        case .file: return file()
        case .fact: return fact()
        case .system: return system()
        case .evidence: return evidence()
        case .antivirus: return antivirus()
        }
    }

    // MARK: - single values

    private func config() -> CheckEvaluator.Result {
        let source = check.selector["source"]?.stringValue ?? ""
        let key = check.selector["key"]?.stringValue ?? ""
        let subject = "config \(source): \(key)"
        guard let section = facts["config"]?[source] else {
            return unknown(
                subject, context.missing(section: "config.\(source)", collectorPrefixes: ["config.\(source)"]))
        }
        let entry = section["entries"]?[key]
        var value: FactValue? = entry.flatMap { $0.objectValue != nil ? $0["value"] : $0 }
        var location = entry.flatMap(Self.location)
        if entry?["default"]?.boolValue == true { location = "default" }
        if value == nil, let fallback = check.selector["default"] {
            value = fallback
            location = "default (rule)"
        }
        // A built-in default is only the effective value if every file parsed: with a parse error it is unknown.
        let isDefault = entry?["default"]?.boolValue == true || entry == nil
        if isDefault, !context.errors(of: "config.\(source)").isEmpty {
            let reasons = context.errors(of: "config.\(source)").map(\.description).joined(separator: "; ")
            return unknown(subject, .unknown(reason: reasons, error: true))
        }
        if value == nil {
            // Name where the setting was looked for, so "not set" still points at a file.
            let files = section["files"]?.arrayValue?.compactMap(\.stringValue) ?? []
            location =
                section["present"]?.boolValue == false || files.isEmpty
                ? "no \(source) configuration file" : files.prefix(3).joined(separator: ", ")
        }
        return judgeValue(subject, value, location: location)
    }

    private func fact() -> CheckEvaluator.Result {
        let path = check.selector["path"]?.stringValue ?? ""
        let head = String(path.split(separator: ".").first ?? "")
        guard facts[head] != nil else {
            return unknown("fact \(path)", context.missing(section: head, collectorPrefixes: [head]))
        }
        return judgeValue("fact \(path)", facts.value(atPath: path), location: Self.nearestLocation(facts, path: path))
    }

    private func system() -> CheckEvaluator.Result {
        let field = check.selector["field"]?.stringValue ?? ""
        guard let system = facts["system"] else {
            return unknown("system \(field)", context.missing(section: "system", collectorPrefixes: ["system"]))
        }
        return judgeValue("system \(field)", system[field], location: system["source"]?.stringValue)
    }

    private func file() -> CheckEvaluator.Result {
        let path = check.selector["path"]?.stringValue ?? ""
        let subject = "file \(path)"
        guard let files = facts["files"] else {
            return unknown(subject, context.missing(section: "files", collectorPrefixes: ["files"]))
        }
        guard let fact = files[path] else {
            return unknown(subject, .unknown(reason: "file \(path) was not examined", error: false))
        }
        let exists = fact["exists"]?.boolValue ?? false
        var outcomes: [Outcome] = []
        var expected: [String] = []
        var found: [String] = [exists ? "exists" : "does not exist"]
        for matcher in check.matchers {
            let target: FactValue? = matcher.op == .exists ? (exists ? .bool(true) : nil) : fact["mode"]
            if matcher.op != .exists && !exists {
                outcomes.append(.unknown(reason: "file \(path) does not exist", error: false))
                continue
            }
            let judgement = self.matcher.judge(target, [matcher])
            outcomes.append(judgement.outcome)
            expected.append(judgement.expected)
            if matcher.op == .modeWithin { found.append("mode \(fact["mode"]?.display ?? "?")") }
        }
        for (key, spec) in check.selector where key.hasPrefix("attr.") {
            let attribute = String(key.dropFirst(5))
            guard exists else {
                outcomes.append(.unknown(reason: "file \(path) does not exist", error: false))
                continue
            }
            let matchers = Self.matchers(from: spec)
            let judgement = self.matcher.judge(fact[attribute], matchers)
            outcomes.append(judgement.outcome)
            expected.append("\(attribute) \(judgement.expected)")
            found.append("\(attribute) \(fact[attribute]?.display ?? "(not set)")")
        }
        let outcome = Outcome.all(outcomes)
        return CheckEvaluator.Result(
            outcome: outcome,
            evidence: [
                Evidence(
                    subject: subject, expected: expected.joined(separator: " and "),
                    found: found.joined(separator: ", "),
                    location: path, outcome: outcome.evidenceOutcome)
            ])
    }

    private func judgeValue(_ subject: String, _ value: FactValue?, location: String?) -> CheckEvaluator.Result {
        let matchers = check.matchers.isEmpty ? [Matcher(op: .exists, operand: .bool(true))] : check.matchers
        let judgement = matcher.judge(value, matchers)
        let found = value.map { $0.isNull ? "(not set)" : $0.display } ?? "(not set)"
        return CheckEvaluator.Result(
            outcome: judgement.outcome,
            evidence: [
                Evidence(
                    subject: subject, expected: judgement.expected, found: found, location: location,
                    outcome: judgement.outcome.evidenceOutcome)
            ])
    }

    // MARK: - packages and services

    private func packages() -> CheckEvaluator.Result {
        guard let packageFacts = facts["packages"] else {
            return unknown("package", context.missing(section: "packages", collectorPrefixes: ["packages"]))
        }
        let entries = packageFacts["packages"]?.arrayValue ?? []
        let wantInstalled = check.selector["installed"]?.boolValue ?? true
        var results: [CheckEvaluator.Result] = []
        for name in names() {
            let candidates = context.packageIndex.map { $0[name] ?? [] } ?? entries
            let present = candidates.filter { entry in
                let entryName = entry["name"]?.stringValue ?? ""
                let state = entry["state"]?.stringValue ?? "installed"
                let matchesName = entryName == name || entryName.hasPrefix(name + ":")
                return matchesName && state != "config-files" && state != "not-installed"
            }
            let subject = "package \(name)"
            if present.isEmpty {
                let outcome: Outcome = wantInstalled ? .fail : .pass
                var result = single(
                    subject, expected: wantInstalled ? "installed" : "not installed", found: "not installed",
                    location: packageFacts["sources"]?.arrayValue?.first?.stringValue, outcome: outcome)
                // "Not installed" from an empty package database proves nothing.
                if !wantInstalled, entries.isEmpty { result.vacuous = [subject] }
                results.append(result)
                continue
            }
            let entry = present[0]
            let version = entry["version"]
            let found = "installed, version \(version?.display ?? "?")"
            if !wantInstalled {
                results.append(
                    single(
                        subject, expected: "not installed", found: found, location: Self.location(entry), outcome: .fail
                    ))
                continue
            }
            let judgement =
                check.matchers.isEmpty
                ? MatcherEvaluator.Judgement(outcome: .pass, expected: "installed")
                : matcher.judge(version, check.matchers)
            results.append(
                single(
                    subject, expected: judgement.expected, found: found, location: Self.location(entry),
                    outcome: judgement.outcome))
        }
        return combined(results)
    }

    private func services() -> CheckEvaluator.Result {
        guard let serviceFacts = facts["services"] else {
            return unknown("service", context.missing(section: "services", collectorPrefixes: ["services"]))
        }
        let units = serviceFacts["units"]
        var results: [CheckEvaluator.Result] = []
        for rawName in names() {
            let name = rawName.contains(".") ? rawName : rawName + ".service"
            let unit = units?[name]
            let enabled = unit?["enabled"]?.boolValue ?? false
            let masked = unit?["masked"]?.boolValue ?? false
            let activeState = unit?["active"]?.stringValue
            var outcomes: [Outcome] = []
            var expected: [String] = []
            var found: [String] = []
            if unit == nil {
                found.append("no such unit")
            } else {
                found.append(enabled ? "enabled" : (masked ? "masked" : "not enabled"))
                if let activeState { found.append(activeState) }
            }
            if let wantEnabled = check.selector["enabled"]?.boolValue {
                outcomes.append(enabled == wantEnabled ? .pass : .fail)
                expected.append(wantEnabled ? "enabled" : "not enabled")
            }
            if let wantActive = check.selector["active"]?.boolValue {
                let isActive: Bool
                if let activeState {
                    isActive = activeState == "active"
                } else {
                    isActive = enabled
                    found.append("active state unknown (offline scan): judged by enablement")
                }
                outcomes.append(isActive == wantActive ? .pass : .fail)
                expected.append(wantActive ? "active" : "not active")
            }
            if outcomes.isEmpty {
                outcomes.append(unit != nil && !masked ? .pass : .fail)
                expected.append("present")
            }
            let location =
                unit?["enabled_by"]?.arrayValue?.first?.stringValue ?? unit?["unit_file"]?.stringValue
                ?? "etc/systemd/system (no unit file or enablement link for \(name))"
            results.append(
                single(
                    "service \(name)", expected: expected.joined(separator: " and "),
                    found: found.joined(separator: ", "),
                    location: location, outcome: .all(outcomes)))
        }
        return combined(results)
    }

    // MARK: - collections

    private func ports() -> CheckEvaluator.Result {
        guard let listeners = facts["listeners"] else {
            return unknown("listening ports", context.missing(section: "listeners", collectorPrefixes: ["listeners"]))
        }
        let proto = check.selector["protocol"]?.stringValue ?? "tcp"
        var wanted: [Int] = []
        if let port = check.selector["port"]?.integerValue { wanted.append(port) }
        for item in check.selector["ports"]?.arrayValue ?? [] {
            if let port = item.integerValue { wanted.append(port) }
            if let text = item.stringValue, text.contains("-") {
                let bounds = text.split(separator: "-").compactMap { Int($0) }
                if bounds.count == 2, bounds[0] <= bounds[1] { wanted.append(contentsOf: bounds[0]...bounds[1]) }
            }
        }
        let includeLoopback = check.selector["include_loopback"]?.boolValue ?? false
        let sockets = (listeners["sockets"]?.arrayValue ?? []).filter { socket in
            guard socket["protocol"]?.stringValue == proto, let port = socket["port"]?.integerValue else {
                return false
            }
            if !includeLoopback && socket["loopback"]?.boolValue == true { return false }
            return wanted.contains(port)
        }
        let subject =
            "\(proto) ports \(wanted.count > 6 ? "\(wanted.prefix(6).map(String.init).joined(separator: ","))…" : wanted.map(String.init).joined(separator: ","))"
        let found = sockets.isEmpty ? "none listening" : sockets.map(Self.describeSocket).joined(separator: "; ")
        let location = sockets.first.flatMap(Self.location) ?? listeners["source"]?.stringValue
        let countMatchers = check.matchers.filter { $0.op == .count }
        if !countMatchers.isEmpty {
            let judgement = matcher.judge(.array(sockets), countMatchers)
            return single(
                subject, expected: judgement.expected, found: found, location: location, outcome: judgement.outcome)
        }
        let wantListening = check.selector["listening"]?.boolValue ?? false
        let outcome: Outcome = sockets.isEmpty != wantListening ? .pass : .fail
        return single(
            subject, expected: wantListening ? "listening" : "not listening (outside loopback)", found: found,
            location: location, outcome: outcome)
    }

    private func collection(path: String, label: String, section: String, collector: [String]) -> CheckEvaluator.Result
    {
        guard facts[section] != nil else {
            return unknown(label, context.missing(section: section, collectorPrefixes: collector))
        }
        if let unread = context.unread(collectorPrefixes: collector) { return unknown(label, unread) }
        guard let items = facts.value(atPath: path)?.arrayValue else {
            return unknown(label, context.missing(section: path, collectorPrefixes: collector))
        }
        if section == "accounts", facts["accounts"]?["shadow_readable"]?.boolValue == false,
            let whereClause = check.selector["where"]?.objectValue,
            whereClause.keys.contains(where: Self.shadowFields.contains)
        {
            return unknown(
                label,
                context.missing(section: "accounts (shadow file unreadable)", collectorPrefixes: ["accounts"])
                    .upgradedToError())
        }
        return judgeCollection(label, items, where: check.selector["where"])
    }

    /// `antivirus.products` like `items`, except that any error the antivirus collector reported (a corrupt
    /// database, an export that is not JSON) makes the check an `error` naming the file: a broken source
    /// must never let the host pass.
    private func antivirus() -> CheckEvaluator.Result {
        guard facts["antivirus"] != nil else {
            return unknown(
                "anti-malware products", context.missing(section: "antivirus", collectorPrefixes: ["antivirus"]))
        }
        let errors = context.errors(of: "antivirus")
        if !errors.isEmpty {
            return unknown(
                "anti-malware products",
                .unknown(reason: errors.map(\.description).joined(separator: "; "), error: true))
        }
        let items = facts.value(atPath: "antivirus.products")?.arrayValue ?? []
        return judgeCollection("anti-malware products", items, where: check.selector["where"])
    }

    private func judgeCollection(_ label: String, _ items: [FactValue], where whereClause: FactValue?)
        -> CheckEvaluator.Result
    {
        let conditions = (whereClause?.objectValue ?? [:]).sorted { $0.key < $1.key }
        let selected = items.filter { item in
            conditions.allSatisfy { field, spec in
                matcher.judge(item[field], Self.matchers(from: spec)).outcome == .pass
            }
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
        // Every match's own place (the file the judged field came from), up to the cap, then how many more.
        let readsShadow = conditions.contains { Self.shadowFields.contains($0.key) }
        let places = selected.compactMap { Self.location($0, shadow: readsShadow) }
        let location =
            places.isEmpty
            ? Self.nearestLocation(
                facts,
                path: check.selector["path"]?.stringValue
                    ?? (check.kind == .antivirus ? "antivirus" : "accounts.accounts"))
            : places.prefix(Self.listedMatches).joined(separator: ", ")
                + (places.count > Self.listedMatches ? " (+\(places.count - Self.listedMatches))" : "")
        var result = single(
            subject, expected: judgement.expected, found: found, location: location, outcome: judgement.outcome)
        // Nothing found proves nothing when there was nothing to look at, or when the collection is an observation
        // of a network (a capture sees only what crossed it): the rule's absence_proof must then say why it counts.
        let path = check.selector["path"]?.stringValue ?? ""
        if selected.isEmpty, judgement.outcome == .pass, items.isEmpty || path.hasPrefix("lan.") {
            result.vacuous = [subject]
        }
        return result
    }

    /// How many matches a finding lists by name and place before it only counts them.
    static let listedMatches = 10

    /// Account fields read from etc/shadow: a match on them is located at the shadow line.
    static let shadowFields: Set<String> = [
        "password", "last_change", "max_days", "min_days", "warn_days", "inactive_days", "expires",
    ]

    private func evidence() -> CheckEvaluator.Result {
        var items: [String] = []
        if let list = check.selector["item"]?.arrayValue {
            items = list.compactMap(\.stringValue)
        } else if let one = check.selector["item"]?.stringValue {
            items = [one]
        }
        let subject = "evidence for item \(items.joined(separator: ", "))"
        guard let evidence = facts["evidence"] else {
            return unknown(
                subject,
                context.missing(
                    section: "evidence folder (set --evidence or capdo.yaml)", collectorPrefixes: ["evidence"]))
        }
        let titlePattern = check.selector["title_matches"]?.stringValue
        let documents = (evidence["documents"]?.arrayValue ?? []).filter { document in
            guard let item = document["item"]?.stringValue else { return false }
            let itemMatches = items.contains { item == $0 || item.hasPrefix($0 + ".") }
            let titleMatches =
                titlePattern.map { MatcherEvaluator.regexMatches($0, document["title"]?.stringValue ?? "") } ?? true
            return itemMatches && titleMatches
        }
        var valid: [FactValue] = []
        var notes: [String] = []
        for document in documents {
            let title = document["title"]?.stringValue ?? "?"
            guard document["exists"]?.boolValue == true else {
                notes.append("\(title): file \(document["path"]?.stringValue ?? "?") missing")
                continue
            }
            if let review = document["next_review"]?.stringValue.flatMap(CapdoDate.parse), review < context.now {
                notes.append("\(title): review overdue since \(CapdoDate.day(review))")
                continue
            }
            valid.append(document)
            // Title, file, date, approver and the index line: what an auditor checks against the paper copy.
            var details = [document["path"]?.stringValue ?? "?"]
            if let date = document["date"]?.stringValue.flatMap(CapdoDate.parse) {
                details.append("dated \(CapdoDate.day(date))")
            }
            if let approver = document["approved_by"]?.stringValue { details.append("approved by \(approver)") }
            if let line = document["line"]?.numberValue {
                details.append("\(evidence["index"]?.stringValue ?? "index.yaml"):\(FactValue.format(line))")
            }
            notes.append("\(title) (\(details.joined(separator: ", ")))")
        }
        let found = documents.isEmpty ? "no document indexed" : notes.joined(separator: "; ")
        let folder = evidence["folder"]?.stringValue
        let location =
            documents.first?["line"]?.numberValue.map {
                "\(folder ?? "")/\(evidence["index"]?.stringValue ?? "index.yaml"):\(FactValue.number($0).display)"
            } ?? folder
        return single(
            subject, expected: "an approved document, not past its review date", found: found, location: location,
            outcome: valid.isEmpty ? .fail : .pass)
    }

    // MARK: - helpers

    /// The `where` spec with profile variables filled in, for display.
    private func resolved(_ spec: FactValue) -> FactValue {
        switch spec {
        case .object(let members): return .object(members.mapValues(resolved))
        case .array(let items): return .array(items.map(resolved))
        default: return (try? context.resolve(spec).get()) ?? spec
        }
    }

    private func names() -> [String] {
        if let list = check.selector["names"]?.arrayValue { return list.compactMap(\.stringValue) }
        return [check.selector["name"]?.stringValue].compactMap { $0 }
    }

    private func unknown(_ subject: String, _ outcome: Outcome) -> CheckEvaluator.Result {
        var reason = ""
        if case .unknown(let text, _) = outcome { reason = text }
        return CheckEvaluator.Result(
            outcome: outcome,
            evidence: [
                Evidence(subject: subject, expected: "-", found: "unknown: \(reason)", location: nil, outcome: .unknown)
            ])
    }

    private func single(_ subject: String, expected: String, found: String, location: String?, outcome: Outcome)
        -> CheckEvaluator.Result
    {
        CheckEvaluator.Result(
            outcome: outcome,
            evidence: [
                Evidence(
                    subject: subject, expected: expected, found: found, location: location,
                    outcome: outcome.evidenceOutcome)
            ])
    }

    private func combined(_ results: [CheckEvaluator.Result]) -> CheckEvaluator.Result {
        CheckEvaluator.Result(
            outcome: .all(results.map(\.outcome)), evidence: results.flatMap(\.evidence),
            vacuous: results.flatMap(\.vacuous))
    }

    /// `where` values: a scalar means equality, a mapping holds matchers.
    static func matchers(from spec: FactValue) -> [Matcher] {
        guard let members = spec.objectValue else { return [Matcher(op: .equals, operand: spec)] }
        return members.sorted { $0.key < $1.key }.compactMap { key, operand in
            guard let op = MatcherOperator(rawValue: key) else { return nil }
            if op.takesNestedMatchers { return Matcher(op: op, operand: .null, nested: matchers(from: operand)) }
            return Matcher(op: op, operand: operand)
        }
    }

    static func describeSpec(_ spec: FactValue) -> String {
        matchers(from: spec).map { matcher in
            matcher.op.takesNestedMatchers
                ? "\(matcher.op.rawValue) "
                    + matcher.nested.map { MatcherEvaluator.describe($0.op, $0.operand) }.joined(separator: " and ")
                : MatcherEvaluator.describe(matcher.op, matcher.operand)
        }.joined(separator: " and ")
    }

    /// The closest provenance along a path: a `file`/`line` pair, or the files a section was read from.
    static func nearestLocation(_ facts: FactValue, path: String) -> String? {
        var components = path.split(separator: ".").map(String.init)
        while !components.isEmpty {
            if let node = facts.value(atPath: components.joined(separator: ".")), node.objectValue != nil {
                if let located = location(node) { return located }
                for key in ["oldest_file", "newest_artefact", "index", "source"] {
                    if let text = node[key]?.stringValue { return text }
                }
                for key in ["sources", "files", "searched"] {
                    if let list = node[key]?.arrayValue?.compactMap(\.stringValue), !list.isEmpty {
                        return list.prefix(3).joined(separator: ", ") + (list.count > 3 ? ", …" : "")
                    }
                }
                if let folder = node["folder"]?.stringValue { return folder }
            }
            components.removeLast()
        }
        return nil
    }

    /// `file:line` of an item; with `shadow`, the account's etc/shadow line when the password field lives there.
    static func location(_ value: FactValue, shadow: Bool) -> String? {
        if shadow, let line = value["shadow_line"]?.numberValue { return "etc/shadow:\(FactValue.format(line))" }
        return location(value)
    }

    static func location(_ value: FactValue) -> String? {
        guard let file = value["file"]?.stringValue else { return nil }
        if let line = value["line"]?.numberValue { return "\(file):\(FactValue.format(line))" }
        return file
    }

    static func describeItem(_ item: FactValue) -> String {
        if item["product"] != nil, let name = item["name"]?.stringValue {
            let signatures = item["signature_time"]?.stringValue.map { "signatures \($0)" } ?? "signature date unknown"
            let realTime =
                item["real_time"]?.boolValue.map { $0 ? "real-time on" : "real-time off" } ?? "real-time unknown"
            return "\(name) (\(signatures), \(realTime))"
        }
        if let name = item["name"]?.stringValue { return name }
        if let tool = item["tool"]?.stringValue { return tool }
        if let port = item["port"]?.numberValue { return describeSocket(item) + (port > 0 ? "" : "") }
        return item.display
    }

    static func describeSocket(_ socket: FactValue) -> String {
        let address = socket["address"]?.stringValue ?? "?"
        let port = socket["port"]?.numberValue.map(FactValue.format) ?? "?"
        let proto = socket["protocol"]?.stringValue ?? "tcp"
        let process = socket["process"]?.stringValue.map { " (\($0))" } ?? ""
        let host = address.contains(":") ? "[\(address)]" : address
        return "\(host):\(port)/\(proto)\(process)"
    }
}

extension Outcome {
    /// Marks an unknown outcome as a collector error (the collector ran but could not look).
    func upgradedToError() -> Outcome {
        if case .unknown(let reason, _) = self { return .unknown(reason: reason, error: true) }
        return self
    }
}
