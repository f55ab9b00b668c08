import CapdoCore

extension LanFacts {
    /// Names the vendor of every MAC in the hosts and MAC-only lists from `registry`, and records which registry was
    /// read (nil when it is not installed, so the report can say why vendors are missing). The registry is read once,
    /// for these MACs only.
    mutating func labelVendors(_ registry: OUIRegistry) {
        vendorRegistry = registry.source
        guard registry.source != nil else { return }
        let listed = hosts.compactMap(\.mac) + (macOnly ?? []).map(\.mac)
        let vendors = registry.vendors(of: listed.compactMap(MACAddress.value))
        for index in hosts.indices {
            hosts[index].vendor = hosts[index].mac.flatMap(MACAddress.value).flatMap { vendors[$0] }
        }
        if var macs = macOnly {
            for index in macs.indices { macs[index].vendor = MACAddress.value(macs[index].mac).flatMap { vendors[$0] } }
            macOnly = macs
        }
    }
}
