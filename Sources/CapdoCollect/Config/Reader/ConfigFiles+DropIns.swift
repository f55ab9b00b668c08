extension ConfigFiles {
    /// Drop-in files the way systemd-sysctl and kmod pick them: `suffix` names collected from `directories`
    /// (in decreasing precedence), a name in an earlier directory masking the same name later, the survivors in
    /// lexical order of their names whatever their directory.
    public func dropIns(in directories: [String], suffix: String) -> [String] {
        var chosen: [String: String] = [:]
        for directory in directories {
            for name in list(directory) where name.hasSuffix(suffix) && chosen[name] == nil {
                chosen[name] = directory + "/" + name
            }
        }
        return chosen.keys.sorted().compactMap { chosen[$0] }
    }
}
