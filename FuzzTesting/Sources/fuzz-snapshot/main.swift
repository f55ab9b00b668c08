import CapdoCore
import Foundation
import FuzzSupport

/// Snapshot files as `capdo evaluate` reads them: JSON parsed once, decoded into the typed snapshot.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshot(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = Data(FuzzInput.bytes(start, count))
    // Known issue 11 defect, fixed on another branch: a schema_version beyond Int's range traps. Skipped here
    // so the run goes on past it; remove once that fix is merged.
    if let version = (try? FactJSONParser.parse(data))?["schema_version"]?.numberValue, version >= 0x1p63 {
        return 0
    }
    _ = try? SnapshotReader.read(data)
    return 0
}
