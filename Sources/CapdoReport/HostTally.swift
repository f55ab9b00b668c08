/// Counts grouped by a text (a collector, a reason, a limitation) with the hosts each came from, keeping the order
/// in which the texts were first seen: the "N checks on hosts a, b, c …" lines of the limits section.
struct HostTally {
    /// The texts, in the order first seen.
    private(set) var order: [String] = []
    private var counts: [String: Int] = [:]
    private var hosts: [String: [String]] = [:]
    private var seen: [String: Set<String>] = [:]

    /// Counts one more under `text`, from `host`.
    mutating func add(_ text: String, host: String) {
        if counts[text] == nil { order.append(text) }
        counts[text, default: 0] += 1
        if seen[text, default: []].insert(host).inserted { hosts[text, default: []].append(host) }
    }

    func count(_ text: String) -> Int { counts[text] ?? 0 }

    /// The hosts counted under `text`, each once, in the order first seen.
    func hosts(_ text: String) -> [String] { hosts[text] ?? [] }
}
