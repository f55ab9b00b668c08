import CapdoCore

/// A rule's remediation narrowed to one host's operating system: a text written for several systems
/// ("Windows: … Linux: …") keeps only the part for the host's, so a Linux host never gets a Windows command.
enum RemediationText {
    /// The operating-system markers a remediation may be divided by.
    static let markers = ["Windows:", "Linux:"]

    /// `text` for a host whose OS is `os` (`HostResult.os`); the whole text when it is not divided or the OS unknown.
    static func forHost(_ text: String, os: String?) -> String {
        let found = markers.compactMap { marker in text.range(of: marker).map { (marker, $0) } }
            .sorted { $0.1.lowerBound < $1.1.lowerBound }
        guard found.count > 1, let os, let wanted = family(os) else { return text }
        for (index, (marker, range)) in found.enumerated() where marker == wanted {
            let end = index + 1 < found.count ? found[index + 1].1.lowerBound : text.endIndex
            return text[range.upperBound..<end].trimmingCharacters(in: .whitespaces)
        }
        return text
    }

    /// The marker of an OS name: `Windows:` for Windows, `Linux:` for the Linux distributions capdo reads.
    static func family(_ os: String) -> String? {
        let name = os.lowercased()
        if name.contains("windows") { return "Windows:" }
        let linux = ["linux", "debian", "ubuntu", "red hat", "rhel", "centos", "rocky", "alma", "fedora", "suse"]
        return linux.contains { name.contains($0) } ? "Linux:" : nil
    }
}
