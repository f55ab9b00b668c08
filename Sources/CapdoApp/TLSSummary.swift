import CapdoCore
import Foundation

/// The readable terminal summary of `capdo tls`: one block per endpoint, then certificates by days left.
public struct TLSSummary {
    public var language: Language

    public init(language: Language) {
        self.language = language
    }

    public func render(_ facts: TLSFacts, issues: [CollectionIssue]) -> String {
        let vi = language == .vi
        var out = ""
        for endpoint in facts.endpoints {
            out += "\(endpoint.name)\(endpoint.starttls.map { " (STARTTLS \($0))" } ?? "")"
            if let error = endpoint.error {
                out += "  \(vi ? "LỖI" : "ERROR"): \(error)\n"
                continue
            }
            out += "  \(endpoint.negotiatedProtocol ?? "?") \(endpoint.negotiatedCipher ?? "?")\n"
            let matrix = ["tls1_0", "tls1_1", "tls1_2", "tls1_3"].map { key in
                "\(key.replacingOccurrences(of: "tls1_", with: "TLS1.")): \(endpoint.protocols[key]?.status ?? "-")"
            }
            out += "  " + matrix.joined(separator: "  ") + "\n"
            let weak =
                endpoint.weakSuitesAccepted.isEmpty
                ? (vi ? "không" : "none") : endpoint.weakSuitesAccepted.joined(separator: ", ")
            out += "  \(vi ? "Bộ mã yếu chấp nhận" : "Weak suites accepted"): \(weak)"
            if !endpoint.weakSuitesUntestable.isEmpty {
                out +=
                    " (\(vi ? "không kiểm tra được" : "untestable"): \(endpoint.weakSuitesUntestable.joined(separator: ", ")))"
            }
            out += "\n  \(vi ? "Chuỗi chứng thư" : "Chain"): \(endpoint.verifyResult ?? "?"); "
            out +=
                "\(vi ? "khớp tên máy" : "host name matches"): \(endpoint.hostnameMatches.map { $0 ? (vi ? "có" : "yes") : (vi ? "không" : "no") } ?? "?")\n"
        }
        let certificates = facts.certificates.sorted { ($0.daysLeft, $0.source) < ($1.daysLeft, $1.source) }
        if !certificates.isEmpty {
            out += "\n\(vi ? "Chứng thư số (theo số ngày còn lại)" : "Certificates (by days left)"):\n"
            for certificate in certificates {
                let key = "\(certificate.keyType.uppercased())-\(certificate.keyBits)"
                out += String(format: "  %5d  ", certificate.daysLeft)
                out +=
                    "\(certificate.name)  \(key)  \(certificate.signatureAlgorithm)  \(CapdoDate.day(certificate.notAfter))  \(certificate.source)\n"
            }
        }
        for issue in issues where issue.file != nil {
            out += "\(vi ? "cảnh báo" : "warning"): \(issue.description)\n"
        }
        return out + "\n"
    }
}
