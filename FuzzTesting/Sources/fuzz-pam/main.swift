import CapdoCollect
import FuzzSupport

/// PAM stack files (pieces of the input split at NUL bytes, in this order); they may include one another.
let paths = [
    "common-auth", "common-password", "sshd", "common-account", "login", "su", "system-auth", "local-include",
].map { "etc/pam.d/" + $0 }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPAM(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    _ = PamStackParser.parse(.memory(FuzzInput.files(FuzzInput.bytes(start, count), paths: paths)))
    return 0
}
