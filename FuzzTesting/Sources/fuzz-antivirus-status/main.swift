@testable import CapdoCollect
import CapdoCore
import Foundation
import FuzzSupport

let collector = AntivirusCollector()
let reader = FileReader(root: FuzzInput.scratch)
let now = Date(timeIntervalSince1970: 1_796_000_000)

/// Anti-malware status files as the collector reads them: UTF-8 or UTF-16 text; as `.json` a Defender export
/// (`Get-MpComputerStatus | ConvertTo-Json`) or a capdo status file, as `.yaml` a status file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAntivirusStatus(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = FuzzInput.bytes(start, count)
    var issues: [CollectionIssue] = []
    for name in ["status.json", "status.yaml"] {
        FuzzInput.write(bytes, to: name)
        _ = collector.statusFile(reader, name, now: now, issues: &issues)
    }
    return 0
}
