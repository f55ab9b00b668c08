extension LanFacts {
    /// Records the DHCP servers the configuration declares and marks each server seen as declared or not, so a
    /// rogue server's finding names the legitimate ones. Nothing changes when none are declared.
    public mutating func declareDhcpServers(_ declared: [String]) {
        guard !declared.isEmpty else { return }
        declaredDhcpServers = declared
        for index in dhcpServers.indices {
            dhcpServers[index].declared = declared.contains(dhcpServers[index].ip)
        }
    }
}
