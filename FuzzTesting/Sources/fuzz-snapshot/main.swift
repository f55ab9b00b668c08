import CapdoCore
import Foundation
import FuzzSupport

/// Snapshot files as `capdo evaluate` reads them: JSON parsed once, decoded into the typed snapshot.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshot(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = Data(FuzzInput.bytes(start, count))
    _ = try? SnapshotReader.read(data)
    return 0
}
