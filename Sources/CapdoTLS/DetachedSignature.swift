internal import CCapdoOpenSSLShims
internal import COpenSSL
import CapdoCore
import Foundation

/// Detached CMS (PKCS#7) signatures through OpenSSL's CMS API, interoperable with `openssl cms -sign` and
/// `openssl cms -verify -binary -content FILE -in SIG -inform PEM -CAfile CA`.
///
/// The private key is read from memory, used for one signature and freed; it is never written anywhere.
public enum DetachedSignature {
    /// Signs `content` with a PEM private key (unencrypted) and its PEM certificate; returns the signature as
    /// PEM (`-----BEGIN CMS-----`), with the signer certificate embedded and the content left out.
    public static func sign(_ content: [UInt8], keyPEM: [UInt8], certificatePEM: [UInt8]) throws(CapdoError)
        -> [UInt8]
    {
        _ = OpenSSLErrorQueue.drain()
        guard let certificate = withMemoryBIO(certificatePEM, { PEM_read_bio_X509($0, nil, nil, nil) }) else {
            throw CapdoError(.config, "the signing certificate is not a PEM certificate", cause: reason())
        }
        defer { X509_free(certificate) }
        // A callback that supplies no passphrase: an encrypted key fails instead of prompting on the terminal.
        guard let key = withMemoryBIO(keyPEM, { PEM_read_bio_PrivateKey($0, nil, { _, _, _, _ in 0 }, nil) })
        else {
            throw CapdoError(
                .config, "the signing key is not an unencrypted PEM private key (decrypt it with openssl pkey first)",
                cause: reason())
        }
        defer { EVP_PKEY_free(key) }
        guard X509_check_private_key(certificate, key) == 1 else {
            throw CapdoError(.config, "the signing key does not belong to the signing certificate", cause: reason())
        }
        let signature: [UInt8]? = withMemoryBIO(content) { data in
            guard let cms = CMS_sign(certificate, key, nil, data, UInt32(CMS_DETACHED | CMS_BINARY)) else {
                return nil
            }
            defer { CMS_ContentInfo_free(cms) }
            guard let out = BIO_new(BIO_s_mem()) else { return nil }
            defer { BIO_free(out) }
            guard PEM_write_bio_CMS(out, cms) == 1 else { return nil }
            return Array(X509Certificate.string(of: out).utf8)
        }
        guard let signature else { throw CapdoError(.internalError, "OpenSSL could not sign", cause: reason()) }
        return signature
    }

    /// Checks a detached signature (PEM of any label, or DER) over `content`. With `trustedPEM` (one or more
    /// PEM certificates) the signer must chain to one of them; without, only the signature itself is checked.
    public static func verify(_ content: [UInt8], signature: [UInt8], trustedPEM: [UInt8]?) -> SignatureCheck {
        _ = OpenSSLErrorQueue.drain()
        guard let der = derBytes(signature), let cms = parseCMS(der) else {
            return SignatureCheck(
                matches: false, signerTrusted: false, signer: nil,
                reason: "not a CMS signature" + (reason().map { " (\($0))" } ?? ""))
        }
        defer { CMS_ContentInfo_free(cms) }
        var store: OpaquePointer?
        if let trustedPEM {
            store = trustStore(trustedPEM)
            guard store != nil else {
                return SignatureCheck(
                    matches: false, signerTrusted: false, signer: nil,
                    reason: "the trusted certificate file holds no PEM certificate")
            }
        }
        defer { if let store { X509_STORE_free(store) } }
        let flags = UInt32(CMS_BINARY) | (store == nil ? UInt32(CMS_NO_SIGNER_CERT_VERIFY) : 0)
        let verified = withMemoryBIO(content) { data in CMS_verify(cms, nil, store, data, nil, flags) == 1 } ?? false
        let failure = verified ? nil : reason() ?? "the signature does not match the content"
        return SignatureCheck(
            matches: verified, signerTrusted: verified && store != nil, signer: signerSubject(cms), reason: failure)
    }

    /// The first signer certificate's subject, read from the certificates the signature embeds.
    static func signerSubject(_ cms: OpaquePointer) -> String? {
        guard let certificates = CMS_get1_certs(cms) else { return nil }
        defer { CCapdoOpenSSLShims_sk_X509_pop_free(certificates) }
        guard CCapdoOpenSSLShims_sk_X509_num(certificates) > 0,
            let first = CCapdoOpenSSLShims_sk_X509_value(certificates, 0)
        else { return nil }
        return X509Certificate.name(X509_get_subject_name(first))
    }

    static func trustStore(_ pem: [UInt8]) -> OpaquePointer? {
        guard let store = X509_STORE_new() else { return nil }
        var added = 0
        _ = withMemoryBIO(pem) { bio in
            while let certificate = PEM_read_bio_X509(bio, nil, nil, nil) {
                if X509_STORE_add_cert(store, certificate) == 1 { added += 1 }
                X509_free(certificate)
            }
            return true
        }
        _ = OpenSSLErrorQueue.drain()  // the read loop ends on "no start line"
        guard added > 0 else {
            X509_STORE_free(store)
            return nil
        }
        return store
    }

    static func parseCMS(_ der: [UInt8]) -> OpaquePointer? {
        withMemoryBIO(der) { bio in d2i_CMS_bio(bio, nil) }
    }

    /// The DER inside a PEM block whatever its label (CMS, PKCS7), or the bytes themselves when not PEM.
    static func derBytes(_ bytes: [UInt8]) -> [UInt8]? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.contains("-----BEGIN ") else { return bytes }
        var body = ""
        var inside = false
        for line in text.split(whereSeparator: \.isNewline) {
            if line.hasPrefix("-----BEGIN ") {
                inside = true
            } else if line.hasPrefix("-----END ") {
                break
            } else if inside {
                body += line.trimmingCharacters(in: .whitespaces)
            }
        }
        return Data(base64Encoded: body).map { Array($0) }
    }

    /// Runs `body` with a read-only memory BIO over `bytes`.
    static func withMemoryBIO<T>(_ bytes: [UInt8], _ body: (OpaquePointer) -> T?) -> T? {
        bytes.withUnsafeBytes { buffer in
            guard let bio = BIO_new_mem_buf(buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(buffer.count))
            else { return nil }
            defer { BIO_free(bio) }
            return body(bio)
        }
    }

    static func reason() -> String? { OpenSSLErrorQueue.drainedReason() }
}
