import CapdoCore
import Foundation

/// Enforces "a scan never writes to what it scans".
public enum SafetyGuard {
    /// Refuses an output folder inside a scanned root other than the live system.
    public static func refuseWritingInside(root: String, output: String) throws(CapdoError) {
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath()
        guard rootURL.path != "/" else { return }
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath()
        if outputURL.path == rootURL.path || outputURL.path.hasPrefix(rootURL.path + "/") {
            throw CapdoError(
                .usage,
                "the output folder '\(output)' is inside the scanned root '\(root)'; a scan never writes to what it scans — choose another --output"
            )
        }
    }

    /// `<root>/etc/capdo/evidence` when it exists (the conventional place), else nil.
    static func defaultEvidence(root: String) -> String? {
        let path = (root.hasSuffix("/") ? root : root + "/") + "etc/capdo/evidence"
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? path : nil
    }
}
