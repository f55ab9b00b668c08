import CapdoCollect
import FuzzSupport

/// `sshd_config` and files it may `Include` (pieces of the input split at NUL bytes, in this order).
let paths = [
    "etc/ssh/sshd_config", "etc/ssh/sshd_config.d/10-a.conf", "etc/ssh/sshd_config.d/20-b.conf", "etc/ssh/extra.conf",
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSshdConfig(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    _ = SshdConfigParser.parse(.memory(FuzzInput.files(FuzzInput.bytes(start, count), paths: paths)))
    return 0
}
