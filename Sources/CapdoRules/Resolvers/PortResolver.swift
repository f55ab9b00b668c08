import CapdoCore

/// `port: { protocol: tcp, ports: [21, 23, "512-514"], listening: false }`: listening sockets on the given ports,
/// outside loopback unless `include_loopback`; `count` matchers count the matching sockets.
struct PortResolver: ResourceResolver {
    let kind: ResourceKind = "port"
    let selectorKeys: Set<String> = ["protocol", "port", "ports", "listening", "include_loopback"]
    let requiredKeys = [["port", "ports"]]
    static let section = "listeners"
    static let sockets = FactPath([section, "sockets"])

    func factPaths(_ selector: [String: FactValue]) -> [FactPath] {
        [Self.sockets.element("protocol"), Self.sockets.element("port")]
    }

    func resolve(_ evaluator: ResourceEvaluator) -> CheckEvaluator.Result {
        let check = evaluator.check
        guard let listeners = evaluator.facts[Self.section] else {
            return evaluator.unknown(
                "listening ports",
                evaluator.context.missing(section: Self.section, collectorPrefixes: [Self.section]))
        }
        let proto = check.selector["protocol"]?.stringValue ?? "tcp"
        let wanted = ([check.selector["port"]].compactMap { $0 } + (check.selector["ports"]?.arrayValue ?? []))
            .flatMap(Self.ports)
        let includeLoopback = check.selector["include_loopback"]?.boolValue ?? false
        let sockets = (listeners["sockets"]?.arrayValue ?? []).filter { socket in
            guard socket["protocol"]?.stringValue == proto, let port = socket["port"]?.integerValue else {
                return false
            }
            if !includeLoopback && socket["loopback"]?.boolValue == true { return false }
            return wanted.contains(port)
        }
        let listed = wanted.prefix(6).map(String.init).joined(separator: ",")
        let subject = "\(proto) ports \(listed)\(wanted.count > 6 ? "…" : "")"
        let found = sockets.isEmpty ? "none listening" : sockets.map(Self.describeSocket).joined(separator: "; ")
        let location = sockets.first.flatMap(ResourceEvaluator.location) ?? listeners["source"]?.stringValue
        let countMatchers = check.matchers.filter { $0.op == .count }
        func sentence(_ requirement: LocalizedText) -> LocalizedText {
            EvidenceSentence.ports(
                protocol: proto, ports: wanted.map(String.init), sockets: sockets.map(Self.describeSocket),
                includeLoopback: includeLoopback, location: location, requirement: requirement)
        }
        if !countMatchers.isEmpty {
            let judgement = evaluator.matcher.judge(.array(sockets), countMatchers)
            let bounds = countMatchers.flatMap(\.nested)
            return evaluator.single(
                subject, expected: judgement.expected, found: found, location: location, outcome: judgement.outcome,
                text: sentence(MatcherPhrase.count(bounds, noun: .socket, conditions: LocalizedText(""))))
        }
        let wantListening = check.selector["listening"]?.boolValue ?? false
        let outcome: Outcome = sockets.isEmpty != wantListening ? .pass : .fail
        return evaluator.single(
            subject, expected: wantListening ? "listening" : "not listening (outside loopback)", found: found,
            location: location, outcome: outcome,
            text: sentence(EvidenceSentence.portRequirement(listening: wantListening)))
    }

    /// The ports one `port`/`ports` item names: a number, or a range written `"512-514"`; none when it is neither
    /// (a port no socket can have matches nothing).
    static func ports(_ item: FactValue) -> [Int] {
        if let port = item.integerValue { return [port] }
        return item.stringValue.flatMap(PortRange.parse).map(Array.init) ?? []
    }

    /// `address:port/protocol (process)`, IPv6 addresses in brackets.
    static func describeSocket(_ socket: FactValue) -> String {
        let address = socket["address"]?.stringValue ?? "?"
        let port = socket["port"]?.numberValue.map(FactValue.format) ?? "?"
        let proto = socket["protocol"]?.stringValue ?? "tcp"
        let process = socket["process"]?.stringValue.map { " (\($0))" } ?? ""
        let host = address.contains(":") ? "[\(address)]" : address
        return "\(host):\(port)/\(proto)\(process)"
    }
}
