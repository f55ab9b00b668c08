internal import CCapdoOpenSSLShims
internal import COpenSSL
import CapdoCore
import Foundation

/// One parsed certificate: owns an `X509*` and copies its facts out; never touches a private key.
///
/// `@unchecked Sendable`: the `X509*` is never mutated after `init` and OpenSSL allows concurrent reads.
final class X509Certificate: @unchecked Sendable {
    let pointer: OpaquePointer

    /// Takes ownership of a reference the caller holds (frees it in `deinit`).
    init(owning pointer: OpaquePointer) {
        self.pointer = pointer
    }

    /// Adds a reference to a certificate OpenSSL owns (a peer chain entry).
    init(retaining pointer: OpaquePointer) {
        X509_up_ref(pointer)
        self.pointer = pointer
    }

    deinit { X509_free(pointer) }

    /// Parses one DER certificate; the whole input must be consumed.
    static func der(_ bytes: [UInt8]) throws(CapdoError) -> X509Certificate {
        _ = OpenSSLErrorQueue.drain()
        let parsed: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            var cursor: UnsafePointer<UInt8>? = base
            guard let cert = d2i_X509(nil, &cursor, buffer.count) else { return nil }
            if let cursor, cursor != base + buffer.count {
                X509_free(cert)
                return nil
            }
            return cert
        }
        guard let parsed else {
            throw CapdoError(
                .notACertificate, "not a DER certificate (\(bytes.count) bytes)",
                cause: OpenSSLErrorQueue.drainedReason() ?? "trailing bytes after the certificate")
        }
        return X509Certificate(owning: parsed)
    }

    /// Parses one PEM `CERTIFICATE` block (only that block is handed to OpenSSL).
    static func pem(_ block: String) throws(CapdoError) -> X509Certificate {
        _ = OpenSSLErrorQueue.drain()
        let parsed: OpaquePointer? = block.withCString { text in
            guard let bio = BIO_new_mem_buf(text, -1) else { return nil }
            defer { BIO_free(bio) }
            return PEM_read_bio_X509(bio, nil, nil, nil)
        }
        guard let parsed else {
            throw CapdoError(
                .notACertificate, "PEM block is not a valid certificate", cause: OpenSSLErrorQueue.drainedReason())
        }
        return X509Certificate(owning: parsed)
    }

    /// The DER encoding.
    var der: [UInt8] {
        let length = i2d_X509(pointer, nil)
        guard length > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: Int(length))
        bytes.withUnsafeMutableBufferPointer { buffer in
            var cursor = buffer.baseAddress
            _ = i2d_X509(pointer, &cursor)
        }
        return bytes
    }

    /// The facts of this certificate, `daysLeft` counted from `now`.
    func fact(
        sourceKind: String, source: String, file: String? = nil, line: Int? = nil, referencedBy: String? = nil,
        now: Date
    )
        -> CertificateFact
    {
        let subject = Self.name(X509_get_subject_name(pointer))
        let notAfter = Self.date(X509_get0_notAfter(pointer)) ?? Date(timeIntervalSince1970: 0)
        let key = keyInfo()
        let signature = signatureInfo()
        let commonName = Self.commonName(X509_get_subject_name(pointer))
        return CertificateFact(
            name: commonName ?? (subject.isEmpty ? "(no subject)" : subject), sourceKind: sourceKind, source: source,
            file: file, line: line, referencedBy: referencedBy, subject: subject,
            issuer: Self.name(X509_get_issuer_name(pointer)), sans: subjectAlternativeNames(), serial: serial(),
            notBefore: Self.date(X509_get0_notBefore(pointer)) ?? Date(timeIntervalSince1970: 0), notAfter: notAfter,
            daysLeft: Int((notAfter.timeIntervalSince(now) / 86_400).rounded(.down)), keyType: key.type,
            keyBits: key.bits, keyCurve: key.curve, signatureAlgorithm: signature.algorithm,
            signatureHash: signature.hash, selfSigned: X509_self_signed(pointer, 0) == 1,
            isCA: X509_check_ca(pointer) > 0, sha256: fingerprint())
    }

    /// Does the certificate match this DNS name or IP literal (wildcards as browsers treat them)?
    func matches(host: String) -> Bool {
        if Self.isIPLiteral(host) {
            return X509_check_ip_asc(pointer, host, 0) == 1
        }
        return X509_check_host(pointer, host, host.utf8.count, 0, nil) == 1
    }

    static func isIPLiteral(_ host: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }
}

extension X509Certificate {
    static func name(_ name: OpaquePointer?) -> String {
        guard let name, let bio = BIO_new(BIO_s_mem()) else { return "" }
        defer { BIO_free(bio) }
        _ = CCapdoOpenSSLShims_X509_NAME_print_oneline(bio, name)
        return string(of: bio)
    }

    static func string(of bio: OpaquePointer) -> String {
        var data: UnsafeMutablePointer<CChar>?
        let length = CCapdoOpenSSLShims_BIO_get_mem_data(bio, &data)
        guard let data, length > 0 else { return "" }
        let buffer = UnsafeRawBufferPointer(start: data, count: Int(length))
        return String(decoding: buffer, as: UTF8.self)
    }

    static func commonName(_ name: OpaquePointer?) -> String? {
        guard let name else { return nil }
        let index = X509_NAME_get_index_by_NID(name, NID_commonName, -1)
        guard index >= 0, let entry = X509_NAME_get_entry(name, index),
            let data = X509_NAME_ENTRY_get_data(entry)
        else { return nil }
        return asn1Text(data)
    }

    static func asn1Text(_ string: UnsafePointer<ASN1_STRING>) -> String? {
        var utf8: UnsafeMutablePointer<UInt8>?
        let length = ASN1_STRING_to_UTF8(&utf8, string)
        guard length >= 0, let utf8 else { return nil }
        defer { CCapdoOpenSSLShims_OPENSSL_free(utf8) }
        return String(decoding: UnsafeBufferPointer(start: utf8, count: Int(length)), as: UTF8.self)
    }

    static func rawBytes(_ string: UnsafePointer<ASN1_STRING>) -> [UInt8] {
        guard let data = ASN1_STRING_get0_data(string) else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: Int(ASN1_STRING_length(string))))
    }

    static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date? {
        guard let time else { return nil }
        var parts = tm()
        guard ASN1_TIME_to_tm(time, &parts) == 1 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }

    func serial() -> String {
        guard let integer = X509_get0_serialNumber(pointer), let number = ASN1_INTEGER_to_BN(integer, nil) else {
            return ""
        }
        defer { BN_free(number) }
        guard let hex = BN_bn2hex(number) else { return "" }
        defer { CCapdoOpenSSLShims_OPENSSL_free(hex) }
        return String(cString: hex)
    }

    func fingerprint() -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard X509_digest(pointer, EVP_sha256(), &digest, &length) == 1 else { return "" }
        return digest.prefix(Int(length)).map { String(format: "%02X", $0) }.joined(separator: ":")
    }

    func keyInfo() -> (type: String, bits: Int, curve: String?) {
        guard let key = X509_get0_pubkey(pointer) else { return ("unknown", 0, nil) }
        let bits = Int(EVP_PKEY_get_bits(key))
        switch EVP_PKEY_get_base_id(key) {
        case EVP_PKEY_RSA, EVP_PKEY_RSA_PSS: return ("rsa", bits, nil)
        case EVP_PKEY_EC:
            var name = [CChar](repeating: 0, count: 80)
            var length = 0
            let ok = EVP_PKEY_get_group_name(key, &name, name.count, &length) == 1
            return ("ec", bits, ok ? name.withUnsafeBufferPointer { String(cString: $0.baseAddress!) } : nil)
        case EVP_PKEY_ED25519: return ("ed25519", bits, nil)
        case EVP_PKEY_ED448: return ("ed448", bits, nil)
        case EVP_PKEY_DSA: return ("dsa", bits, nil)
        case EVP_PKEY_DH, EVP_PKEY_DHX: return ("dh", bits, nil)
        case let id:
            if let short = OBJ_nid2sn(id) { return (String(cString: short).lowercased(), bits, nil) }
            return ("unknown", bits, nil)
        }
    }

    func signatureInfo() -> (algorithm: String, hash: String) {
        let nid = X509_get_signature_nid(pointer)
        let algorithm = OBJ_nid2ln(nid).map { String(cString: $0) } ?? "unknown"
        if nid == NID_ED25519 || nid == NID_ED448 { return (algorithm, "intrinsic") }
        var digest: Int32 = 0
        var keyNID: Int32 = 0
        guard OBJ_find_sigid_algs(nid, &digest, &keyNID) == 1 else { return (algorithm, "unknown") }
        if digest == NID_undef { return (algorithm, "intrinsic") }
        let hash = OBJ_nid2sn(digest).map { String(cString: $0).lowercased() } ?? "unknown"
        return (algorithm, hash.replacingOccurrences(of: "-", with: ""))
    }

    func subjectAlternativeNames() -> [String] {
        guard let raw = X509_get_ext_d2i(pointer, NID_subject_alt_name, nil, nil) else { return [] }
        let names = OpaquePointer(raw)
        defer { CCapdoOpenSSLShims_GENERAL_NAMES_free(names) }
        var result: [String] = []
        for index in 0..<CCapdoOpenSSLShims_sk_GENERAL_NAME_num(names) {
            guard let name = CCapdoOpenSSLShims_sk_GENERAL_NAME_value(names, index) else { continue }
            switch name.pointee.type {
            case GEN_DNS:
                if let text = name.pointee.d.dNSName.flatMap({ Self.asn1Text($0) }) { result.append("DNS:\(text)") }
            case GEN_EMAIL:
                if let text = name.pointee.d.rfc822Name.flatMap({ Self.asn1Text($0) }) {
                    result.append("email:\(text)")
                }
            case GEN_URI:
                if let text = name.pointee.d.uniformResourceIdentifier.flatMap({ Self.asn1Text($0) }) {
                    result.append("URI:\(text)")
                }
            case GEN_IPADD:
                if let octets = name.pointee.d.iPAddress.map({ Self.rawBytes($0) }) {
                    result.append("IP:\(Self.ip(octets))")
                }
            default:
                result.append("other")
            }
        }
        return result
    }

    static func ip(_ octets: [UInt8]) -> String {
        if octets.count == 4 { return octets.map(String.init).joined(separator: ".") }
        guard octets.count == 16 else { return octets.map { String(format: "%02X", $0) }.joined(separator: ":") }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        var address = in6_addr()
        withUnsafeMutableBytes(of: &address) { $0.copyBytes(from: octets) }
        _ = inet_ntop(AF_INET6, &address, &buffer, socklen_t(buffer.count))
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
