import CapdoCore
import Foundation

/// Reads certificates from file bytes: every PEM `CERTIFICATE` block (with its line), or one DER certificate.
///
/// Only certificate blocks are handed to OpenSSL: a combined cert+key file's `PRIVATE KEY` block is skipped
/// unparsed and never appears in facts.
public enum CertificateFileParser {
    /// The certificates in `bytes`; `path` is the file as reported (relative to the scanned root).
    public static func parse(
        _ bytes: [UInt8], path: String, referencedBy: String? = nil, now: Date
    ) throws(CapdoError) -> [CertificateFact] {
        try certificates(bytes, path: path).map { certificate, line in
            certificate.fact(
                sourceKind: "file", source: line.map { "\(path):\($0)" } ?? path, file: path, line: line,
                referencedBy: referencedBy, now: now)
        }
    }

    /// Parsed certificates and the line of their PEM BEGIN marker (nil for DER).
    static func certificates(_ bytes: [UInt8], path: String) throws(CapdoError) -> [(X509Certificate, Int?)] {
        guard !bytes.isEmpty else { throw CapdoError(.notACertificate, "\(path): empty file") }
        let marker = Array("-----BEGIN ".utf8)
        if bytes.firstRange(of: marker) != nil {
            let text = String(decoding: bytes, as: UTF8.self)
            let blocks = pemBlocks(text)
            guard !blocks.isEmpty else {
                throw CapdoError(.notACertificate, "\(path): PEM file holds no CERTIFICATE block")
            }
            var result: [(X509Certificate, Int?)] = []
            for (block, line) in blocks {
                do {
                    result.append((try X509Certificate.pem(block), line))
                } catch {
                    throw CapdoError(.notACertificate, "\(path):\(line): \(error.message)", cause: error.cause)
                }
            }
            return result
        }
        do {
            return [(try X509Certificate.der(bytes), nil)]
        } catch {
            throw CapdoError(.notACertificate, "\(path): neither PEM nor a valid DER certificate", cause: error.cause)
        }
    }

    /// `-----BEGIN CERTIFICATE-----` … `-----END CERTIFICATE-----` blocks and their 1-based first line.
    static func pemBlocks(_ text: String) -> [(String, Int)] {
        var blocks: [(String, Int)] = []
        var current: [Substring]?
        var start = 0
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if current == nil {
                if [
                    "-----BEGIN CERTIFICATE-----", "-----BEGIN X509 CERTIFICATE-----",
                    "-----BEGIN TRUSTED CERTIFICATE-----",
                ]
                .contains(trimmed) {
                    current = ["-----BEGIN CERTIFICATE-----"]
                    start = index + 1
                }
            } else if trimmed.hasPrefix("-----END ") {
                current?.append("-----END CERTIFICATE-----")
                blocks.append(((current ?? []).joined(separator: "\n") + "\n", start))
                current = nil
            } else {
                current?.append(Substring(trimmed))
            }
        }
        if current != nil {
            // An unterminated block still gets parsed so that the error names its line.
            blocks.append(((current ?? []).joined(separator: "\n") + "\n", start))
        }
        return blocks
    }
}
