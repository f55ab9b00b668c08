import CapdoCollect
import CapdoTestSupport

extension TemporaryDirectory {
    /// The configuration files under this directory, read as a scanned root.
    var files: ConfigFiles { .host(FileReader(root: path)) }
}
