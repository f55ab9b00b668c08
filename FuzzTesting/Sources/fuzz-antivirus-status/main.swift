import CapdoCollect
import Foundation
import FuzzSupport

let now = Date(timeIntervalSince1970: 1_796_000_000)

/// Anti-malware status files through the parsers `AntivirusCollector` uses for them (its dispatch is private):
/// UTF-8 or UTF-16 text; as JSON a Defender export (`Get-MpComputerStatus | ConvertTo-Json`, an object or a
/// one-element list) or a capdo status file; as YAML a status file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAntivirusStatus(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let text = TextDecoding.decode(Data(FuzzInput.bytes(start, count))) else { return 0 }
    _ = try? AntivirusStatusFileParser.parse(text, file: "status.yaml", now: now)
    guard let json = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else {
        return 0
    }
    guard let object = json as? [String: Any] ?? (json as? [[String: Any]])?.first else { return 0 }
    if DefenderStatusParser.looksLikeDefender(object) {
        _ = try? DefenderStatusParser.parse(object, file: "status.json")
    } else {
        _ = try? AntivirusStatusFileParser.parse(object, file: "status.json", now: now)
    }
    return 0
}
