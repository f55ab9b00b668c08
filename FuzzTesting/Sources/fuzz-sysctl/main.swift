import CapdoCollect
import FuzzSupport

/// sysctl settings (pieces of the input split at NUL bytes, in this order).
let paths = [
    "etc/sysctl.conf", "etc/sysctl.d/99-local.conf", "usr/lib/sysctl.d/50-default.conf", "run/sysctl.d/10-run.conf",
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSysctl(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    _ = SysctlParser.parse(.memory(FuzzInput.files(FuzzInput.bytes(start, count), paths: paths)))
    return 0
}
