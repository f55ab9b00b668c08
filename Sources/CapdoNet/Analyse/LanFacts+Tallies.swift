import CapdoCore

extension LanFacts {
    /// Lists the tallies of the protocols that were seen (`LanAnalyzer` sorts the whole list by name).
    mutating func addSeen(_ tallies: ProtocolTally...) {
        protocolsSeen.append(contentsOf: tallies.compactMap(\.seen))
    }
}
