@testable import CapdoRules
import CapdoCore
import Foundation
import FuzzSupport

/// The YAML files capdo loads, each input read as all four: a rule file, a profile, a waiver file and `capdo.yaml`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(start, count))
    _ = try? RuleLoader.load(text: text, file: "rules.yaml", defaultGroup: nil)
    _ = try? ProfileLoader.load(text: text, file: "profile.yaml") { _ throws(CapdoError) in nil }
    _ = try? WaiverLoader.load(text: text, file: "waivers.yaml")
    // CapdoConfigLoader.load reads a path; its parser is called on the same YAML tree directly.
    if let root = try? YAMLReader.parse(text, file: "capdo.yaml") {
        _ = try? CapdoConfigLoader.parse(root, file: "capdo.yaml", base: URL(fileURLWithPath: "/nonexistent"))
    }
    return 0
}
