import CapdoCore

extension LanFacts {
    /// Names the vendor of every MAC in the hosts and MAC-only lists from `registry`, and records which registry was
    /// read (nil when it is not installed, so the report can say why vendors are missing).
    mutating func labelVendors(_ registry: OUIRegistry) {
        vendorRegistry = registry.source
        guard registry.source != nil else { return }
        for index in hosts.indices {
            hosts[index].vendor = hosts[index].mac.flatMap(registry.vendor)
        }
        if var macs = macOnly {
            for index in macs.indices { macs[index].vendor = registry.vendor(macs[index].mac) }
            macOnly = macs
        }
    }
}
