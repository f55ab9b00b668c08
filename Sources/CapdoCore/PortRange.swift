/// The one reading of a port range written `"3306"` or `"1-1024"`: items of `--ports`, a `port` check's `ports`,
/// and the `lan.scan.port_ranges` a `covers_ports` matcher looks through.
public enum PortRange {
    /// `"1-1024"` or `"3306"` as a closed range of port numbers (0-65535); nil for anything else: an empty or
    /// non-numeric side, a bound above 65535, a reversed range, more than one `-`.
    public static func parse(_ text: some StringProtocol) -> ClosedRange<Int>? {
        let bounds = text.split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count <= 2, let low = UInt16(bounds[0]), let high = UInt16(bounds[bounds.count - 1]), low <= high
        else { return nil }
        return Int(low)...Int(high)
    }
}
