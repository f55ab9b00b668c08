import Foundation

/// Finds certificate files named in nginx, Apache and Postfix configuration under a root.
///
/// Only certificate directives are read (`ssl_certificate`, `SSLCertificateFile`, `SSLCertificateChainFile`,
/// `smtpd_tls_cert_file`, `smtp_tls_cert_file`); key directives are never followed. Symlinks inside the
/// configuration folders are skipped (sites-enabled links point at sites-available, which is read directly).
public enum CertificatePathFinder {
    static let folders = ["etc/nginx", "etc/apache2", "etc/httpd"]
    static let postfix = "etc/postfix/main.cf"

    /// Every certificate reference, deduplicated by path (first reference wins), in path order.
    public static func find(root: String) -> [CertificateReference] {
        var found: [CertificateReference] = []
        let manager = FileManager.default
        for folder in folders {
            let base = root.hasSuffix("/") ? root + folder : root + "/" + folder
            guard let enumerator = manager.enumerator(atPath: base) else { continue }
            var files: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let full = base + "/" + relative
                let attributes = try? manager.attributesOfItem(atPath: full)
                guard attributes?[.type] as? FileAttributeType == .typeRegular else { continue }
                files.append(relative)
            }
            for relative in files.sorted() {
                let file = folder + "/" + relative
                guard let text = try? String(contentsOfFile: base + "/" + relative, encoding: .utf8) else { continue }
                found += references(
                    in: text, file: file,
                    directives: ["ssl_certificate", "sslcertificatefile", "sslcertificatechainfile"])
            }
        }
        let main = root.hasSuffix("/") ? root + postfix : root + "/" + postfix
        if let text = try? String(contentsOfFile: main, encoding: .utf8) {
            found += references(in: text, file: postfix, directives: ["smtpd_tls_cert_file", "smtp_tls_cert_file"])
        }
        var seen = Set<String>()
        return found.filter { seen.insert($0.path).inserted }
    }

    /// The directive values in one configuration text (paths made relative to the root).
    static func references(in text: String, file: String, directives: Set<String>) -> [CertificateReference] {
        var result: [CertificateReference] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.hasPrefix("#"), !line.isEmpty else { continue }
            var words = line.replacingOccurrences(of: "=", with: " = ").split(whereSeparator: {
                $0 == " " || $0 == "\t"
            })
            .map(String.init)
            guard let keyword = words.first?.lowercased(), directives.contains(keyword) else { continue }
            words.removeFirst()
            if words.first == "=" { words.removeFirst() }
            guard var value = words.first else { continue }
            value = value.trimmingCharacters(in: CharacterSet(charactersIn: "\";'"))
            // Variables ($ssl_cert), data: URIs and engine: keys cannot be followed on disk.
            guard value.hasPrefix("/") else { continue }
            result.append(CertificateReference(path: String(value.dropFirst()), referencedBy: "\(file):\(index + 1)"))
        }
        return result
    }
}
