import Foundation

/// A fingerprint of a whole tree (paths, kinds, modes, owners, sizes, times, contents, link targets),
/// to prove a scan wrote nothing under the root it scanned.
enum TreeDigest {
    static func of(_ root: String) -> [String: String] {
        var result: [String: String] = [:]
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: root) else { return result }
        while let relative = enumerator.nextObject() as? String {
            let path = root + "/" + relative
            guard let attributes = try? manager.attributesOfItem(atPath: path) else { continue }
            var entry =
                "\(attributes[.type] ?? "")|\(attributes[.posixPermissions] ?? "")|\(attributes[.ownerAccountID] ?? "")"
            entry +=
                "|\(attributes[.size] ?? "")|\((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
            if (attributes[.type] as? FileAttributeType) == .typeSymbolicLink {
                entry += "|->" + ((try? manager.destinationOfSymbolicLink(atPath: path)) ?? "")
            } else if (attributes[.type] as? FileAttributeType) == .typeRegular, let size = attributes[.size] as? Int,
                size < 8_000_000
            {
                entry += "|" + String((manager.contents(atPath: path) ?? Data()).hashValue)
            }
            result[relative] = entry
        }
        return result
    }
}
