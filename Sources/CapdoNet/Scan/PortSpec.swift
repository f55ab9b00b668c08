import CapdoCore

/// Parses `--ports 1-1024,3389,top100` into a sorted list of distinct TCP ports.
public struct PortSpec: Sendable {
    public let text: String
    public let ports: [UInt16]

    /// The 100 TCP ports most often found open (nmap's frequency order, top part), plus ward management ports.
    static let top100: [UInt16] = [
        7, 9, 13, 21, 22, 23, 25, 26, 37, 53, 79, 80, 81, 88, 106, 110, 111, 113, 119, 135, 139, 143, 144, 179, 199,
        389, 427, 443, 444, 445, 465, 513, 514, 515, 543, 544, 548, 554, 587, 631, 646, 873, 990, 993, 995, 1025, 1026,
        1027, 1028, 1029, 1110, 1433, 1720, 1723, 1755, 1900, 2000, 2001, 2049, 2121, 2717, 3000, 3128, 3306, 3389,
        3986, 4899, 5000, 5009, 5051, 5060, 5101, 5190, 5357, 5432, 5631, 5666, 5800, 5900, 6000, 6001, 6646, 7070,
        8000, 8008, 8009, 8080, 8081, 8443, 8888, 9100, 9999, 10000, 32768, 49152, 49153, 49154, 49155, 49156, 49157,
    ]

    public init(_ spec: String) throws {
        var set = Set<UInt16>()
        for raw in spec.split(separator: ",") {
            let item = raw.trimmingCharacters(in: .whitespaces)
            if item == "top100" { set.formUnion(Self.top100); continue }
            if item == "-" || item == "all" { set.formUnion(1...65535); continue }
            guard let range = PortRange.parse(item), range.lowerBound >= 1 else {
                throw CapdoError(.usage, "'\(item)' is not a port, a range (1-1024) or 'top100'.")
            }
            set.formUnion(UInt16(range.lowerBound)...UInt16(range.upperBound))
        }
        guard !set.isEmpty else { throw CapdoError(.usage, "--ports is empty.") }
        text = spec
        ports = set.sorted()
    }

    /// The ports as sorted, merged ranges (`["1-1024", "3306"]`), as the scan facts record them.
    public var ranges: [String] {
        var result: [String] = []
        var index = ports.startIndex
        while index < ports.endIndex {
            var end = index
            while end + 1 < ports.endIndex, ports[end + 1] == ports[end] + 1 { end += 1 }
            result.append(index == end ? "\(ports[index])" : "\(ports[index])-\(ports[end])")
            index = end + 1
        }
        return result
    }
}
