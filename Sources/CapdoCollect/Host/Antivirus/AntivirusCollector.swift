import CapdoCore
import Foundation

/// Collects anti-malware status: ClamAV database headers, freshclam.log and ClamAV service enablement under
/// `var/lib/clamav`, plus Defender exports and capdo status files in `etc/capdo/antivirus/`.
///
/// A file that cannot be read or understood is an `error` issue naming it (rules on `antivirus` then come
/// out `error`), never a product that looks healthy.
public struct AntivirusCollector: Collector {
    public let id = "antivirus"
    public let summary = "Anti-malware: ClamAV database headers and freshclam.log, Defender exports, AV status files"

    public static let clamavDirectory = "var/lib/clamav"
    public static let freshclamLog = "var/log/clamav/freshclam.log"
    public static let statusDirectory = "etc/capdo/antivirus"
    public static let clamavUnits = ["clamav-daemon.service", "clamav-freshclam.service", "clamav-clamonacc.service"]
    /// Status files and exports larger than this are refused.
    public static let statusFileLimit = 1 << 20

    public init() {}

    public func collect(in environment: HostEnvironment) async -> CollectorOutput {
        let reader = environment.files
        var issues: [CollectionIssue] = []
        var products: [AntivirusProduct] = []
        // Both places are always named, so "no product found" still points at where capdo looked.
        let sources = [Self.clamavDirectory, Self.statusDirectory]
        if reader.isDirectory(Self.clamavDirectory) {
            if let clamav = clamav(reader, now: environment.now, issues: &issues) { products.append(clamav) }
        }
        if reader.isDirectory(Self.statusDirectory) {
            for path in reader.files(in: Self.statusDirectory) {
                let lower = path.lowercased()
                guard
                    lower.hasSuffix(".json") || lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")
                        || Self.isMdatpText(path)
                else { continue }
                if let product = statusFile(reader, path, now: environment.now, issues: &issues) {
                    products.append(product)
                }
            }
        }
        // Linux products without an export, from their enabled units; an export of the same product says more.
        for unit in LinuxAntivirusUnit.known where !products.contains(where: { $0.product == unit.product }) {
            if let link = Self.enablementLink(unit.unit, reader) { products.append(unit.product(link: link)) }
        }
        var accepted: [AntivirusProduct] = []
        for product in products {
            if let time = product.signatureTime, time > environment.now.addingTimeInterval(86_400) {
                issues.append(
                    CollectionIssue(
                        collector: id, file: product.file,
                        message: "\(product.name) signatures dated \(CapdoDate.iso8601(time)), after the scan time "
                            + "\(CapdoDate.iso8601(environment.now)); check the clock of the device or of the export"))
                continue
            }
            accepted.append(product)
        }
        return CollectorOutput(antivirus: AntivirusFacts(products: accepted, sources: sources), issues: issues)
    }
}

private extension AntivirusCollector {
    /// The ClamAV product from the newest database of each name, freshclam.log and the unit links.
    func clamav(_ reader: FileReader, now: Date, issues: inout [CollectionIssue]) -> AntivirusProduct? {
        var newest: [String: AntivirusDatabase] = [:]
        for path in reader.files(in: Self.clamavDirectory) {
            let fileName = String(path.split(separator: "/").last ?? "")
            guard let dot = fileName.lastIndex(of: "."),
                [".cvd", ".cld", ".cud"].contains(fileName[dot...].lowercased())
            else { continue }
            let name = String(fileName[..<dot])
            do {
                let header = try reader.readPrefix(path, bytes: ClamavDatabaseHeader.length)
                let database = try ClamavDatabaseHeader.parse(header, name: name, file: path)
                if let existing = newest[name], existing.version >= database.version { continue }
                newest[name] = database
            } catch let error as FileReadError {
                issues.append(error.issue(collector: id))
            } catch {
                issues.append(CollectionIssue(collector: id, file: path, message: String(describing: error)))
            }
        }
        guard !newest.isEmpty else { return nil }
        let order = ["daily", "main", "bytecode"]
        let databases = newest.values.sorted { left, right in
            let (l, r) = (order.firstIndex(of: left.name) ?? 99, order.firstIndex(of: right.name) ?? 99)
            return l != r ? l < r : left.name < right.name
        }
        var services: [String: Bool] = [:]
        for unit in Self.clamavUnits { services[unit] = Self.isEnabled(unit, reader) }
        let onAccess = Self.onAccessConfigured(reader)
        let daemon = services["clamav-daemon.service"] ?? false
        var product = AntivirusProduct(
            product: "clamav", name: "ClamAV", file: databases[0].file, enabled: daemon,
            realTime: daemon && (services["clamav-clamonacc.service"] ?? false) && onAccess,
            signatureVersion: databases.map { "\($0.name) \($0.version)" }.joined(separator: ", "),
            signatureTime: databases.map(\.buildTime).max(), databases: databases, services: services)
        if reader.isRegularFile(Self.freshclamLog) {
            do {
                var text = ""
                let size = reader.statFollowing(Self.freshclamLog).size ?? 0
                let keep = Int64(4 * 1024 * 1024)
                let data = try reader.readRange(Self.freshclamLog, offset: max(0, size - keep), count: Int(keep))
                text = String(decoding: data, as: UTF8.self)
                let summary = FreshclamLogParser.parse(text)
                product.lastUpdate = summary.lastSuccess
                product.lastUpdateError = summary.lastError
                product.lastUpdateErrorTime = summary.lastErrorTime
            } catch {
                issues.append(error.issue(collector: id, level: .warning))
            }
        }
        return product
    }

    /// A Defender export or a status file; nil (with an error issue naming the file) when unusable.
    func statusFile(_ reader: FileReader, _ path: String, now: Date, issues: inout [CollectionIssue])
        -> AntivirusProduct?
    {
        func fail(_ message: String) -> AntivirusProduct? {
            issues.append(CollectionIssue(collector: id, file: path, message: message))
            return nil
        }
        let data: Data
        do {
            data = try reader.read(path, limit: Self.statusFileLimit)
        } catch {
            issues.append(error.issue(collector: id))
            return nil
        }
        guard let text = TextDecoding.decode(data) else {
            return fail("not text in UTF-8 or UTF-16 with a byte-order mark")
        }
        if Self.isMdatpText(path) {
            guard MdatpHealthParser.looksLikeHealth(text) else {
                return fail("not 'mdatp health' output (no 'healthy' and 'real_time_protection_enabled' lines)")
            }
            do {
                return try MdatpHealthParser.parse(text, file: path)
            } catch {
                return fail("mdatp health: \(error.message)")
            }
        }
        if path.lowercased().hasSuffix(".json") {
            guard let json = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            else {
                return fail("not JSON: expected 'Get-MpComputerStatus | ConvertTo-Json' output or a capdo status file")
            }
            var object = json as? [String: Any]
            if object == nil, let list = json as? [[String: Any]], list.count == 1 { object = list[0] }
            guard let object else { return fail("expected one JSON object") }
            if MdatpHealthParser.looksLikeHealth(object) {
                do {
                    return try MdatpHealthParser.parse(object, file: path)
                } catch {
                    return fail("mdatp health: \(error.message)")
                }
            }
            if DefenderStatusParser.looksLikeDefender(object) {
                do {
                    return try DefenderStatusParser.parse(object, file: path)
                } catch {
                    return fail("Defender export: \(error.message)")
                }
            }
            if object["product"] == nil {
                return fail(
                    "neither a Get-MpComputerStatus export (no AMServiceEnabled) nor a capdo status file (no 'product')"
                )
            }
            do {
                return try AntivirusStatusFileParser.parse(object, file: path, now: now)
            } catch {
                return fail("status file: \(error.message)")
            }
        }
        do {
            return try AntivirusStatusFileParser.parse(text, file: path, now: now)
        } catch {
            return fail("status file: \(error.message)")
        }
    }

    /// `mdatp*.txt`: a saved `mdatp health`; other text files (a README) are not status files.
    static func isMdatpText(_ path: String) -> Bool {
        let name = (path.split(separator: "/").last ?? "").lowercased()
        return name.hasPrefix("mdatp") && name.hasSuffix(".txt")
    }

    /// Enabled when some `*.wants`/`*.requires` directory under `etc/systemd/system` links the unit.
    static func isEnabled(_ unit: String, _ reader: FileReader) -> Bool {
        enablementLink(unit, reader) != nil
    }

    /// The `*.wants`/`*.requires` entry that enables the unit, relative to the root; nil when none does.
    static func enablementLink(_ unit: String, _ reader: FileReader) -> String? {
        for base in ServicesCollector.enablementDirectories {
            for entry in reader.list(base) where entry.hasSuffix(".wants") || entry.hasSuffix(".requires") {
                let link = "\(base)/\(entry)/\(unit)"
                if reader.linkTarget(link) != nil || reader.exists(link) { return link }
            }
        }
        return nil
    }

    /// clamd.conf names a path to watch (`OnAccessIncludePath` or `OnAccessMountPath`).
    static func onAccessConfigured(_ reader: FileReader) -> Bool {
        guard let text = try? reader.readText("etc/clamav/clamd.conf", limit: 1 << 20) else { return false }
        return text.split(separator: "\n").contains { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.hasPrefix("OnAccessIncludePath ") || trimmed.hasPrefix("OnAccessMountPath ")
        }
    }
}
