import CapdoTLS
import Foundation
import FuzzSupport

let now = Date(timeIntervalSince1970: 1_796_000_000)

/// Certificate files (`capdo tls --file`, certificates found in configurations): PEM bundles or DER, each
/// certificate parsed by OpenSSL and turned into capdo's facts (names, SANs, key, signature, dates).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzX509(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    _ = try? CertificateFileParser.parse(Array(FuzzInput.bytes(start, count)), path: "cert.pem", now: now)
    return 0
}
