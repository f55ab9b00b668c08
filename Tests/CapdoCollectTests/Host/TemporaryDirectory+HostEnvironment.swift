import CapdoCollect
import CapdoTestSupport
import Foundation

extension TemporaryDirectory {
    /// A host environment rooted at this directory, at a fixed time so nothing ages.
    func environment(
        now: Date = Date(timeIntervalSince1970: 1_795_000_000), evidenceFolder: String? = nil,
        backupPaths: [String] = ["srv/backup"]
    ) -> HostEnvironment {
        HostEnvironment(root: path, now: now, evidenceFolder: evidenceFolder, backupPaths: backupPaths)
    }
}
