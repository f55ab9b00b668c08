import CapdoCollect
import CapdoCore
import FuzzSupport

/// `var/lib/dpkg/status`, and dpkg version comparison of the versions it yields.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDpkgStatus(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(start, count))
    let result = DpkgStatusParser.parse(text, file: "var/lib/dpkg/status")
    for (a, b) in zip(result.packages, result.packages.dropFirst()) {
        _ = DpkgVersion.compare(a.version, b.version)
    }
    return 0
}
