/// A scan just written to the history, with what the comparison needs of it, so that its changes are computed
/// from memory instead of reading the scan back.
public struct RecordedScan: Sendable {
    /// The scan id in the history.
    public let id: Int64
    /// What was recorded.
    public let entry: HistoryEntry
    /// Per host (in the order of `entry.result.hosts`), the digest of its stored inventory, nil without one.
    let inventoryDigests: [String?]

    init(id: Int64, entry: HistoryEntry, inventoryDigests: [String?]) {
        self.id = id
        self.entry = entry
        self.inventoryDigests = inventoryDigests
    }

    /// The stored inventory of each host that has one: digest and host index (the last host of a name wins,
    /// as when the inventories are read back by name).
    var inventories: [String: (digest: String, index: Int)] {
        var result: [String: (digest: String, index: Int)] = [:]
        for (index, host) in entry.result.hosts.enumerated() {
            if index < inventoryDigests.count, let digest = inventoryDigests[index] {
                result[host.host] = (digest, index)
            }
        }
        return result
    }
}
