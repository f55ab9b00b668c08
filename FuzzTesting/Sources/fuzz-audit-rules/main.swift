import CapdoCollect
import FuzzSupport

/// Audit rules (pieces of the input split at NUL bytes): the first is `audit.rules`, which counts only when
/// no second piece gives `rules.d` a file.
let paths = ["etc/audit/audit.rules", "etc/audit/rules.d/10-base.rules", "etc/audit/rules.d/99-finalize.rules"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAuditRules(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    _ = AuditRulesParser.parse(.memory(FuzzInput.files(FuzzInput.bytes(start, count), paths: paths)))
    return 0
}
