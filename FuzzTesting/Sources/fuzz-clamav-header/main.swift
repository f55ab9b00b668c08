import CapdoCollect
import Foundation
import FuzzSupport

/// The 512-byte header of a ClamAV database (`.cvd`/`.cld`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzClamavHeader(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    _ = try? ClamavDatabaseHeader.parse(
        Data(FuzzInput.bytes(start, count)), name: "daily", file: "var/lib/clamav/daily.cvd")
    return 0
}
