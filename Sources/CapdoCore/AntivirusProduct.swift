import Foundation

/// The protection status of one anti-malware product on one host, as its own files report it.
///
/// Optional fields are nil when the source does not say; rules treat nil as "not known", never as on.
public struct AntivirusProduct: Codable, Sendable, Equatable {
    /// Lower-case product id: `clamav`, `defender`, `bkav`, `kaspersky`, `eset`, … (see docs/facts.md).
    public var product: String
    /// Display name (`ClamAV`, `Microsoft Defender Antivirus`, `Bkav Pro`).
    public var name: String
    /// The file the status came from, relative to the root (or the embedded export's name).
    public var file: String
    /// The anti-malware engine is enabled (ClamAV: clamav-daemon enabled; Defender: AMServiceEnabled and
    /// AntivirusEnabled, and not in passive mode).
    public var enabled: Bool?
    /// Real-time (on-access) protection is on.
    public var realTime: Bool?
    /// Defender tamper protection.
    public var tamperProtection: Bool?
    /// Defender `AMRunningMode`: `Normal`, `Passive`, `EDR Block Mode`, `SxS Passive Mode`.
    public var runningMode: String?
    public var engineVersion: String?
    public var signatureVersion: String?
    /// When the newest signatures were built or installed.
    public var signatureTime: Date?
    /// The age in days the product itself reported at export time (Defender `AntivirusSignatureAge`).
    public var reportedSignatureAgeDays: Int?
    /// Windows Security Center's word on the product's signatures (`AntiVirusProduct.productState`), for products
    /// that tell Windows no signature date (third-party anti-malware).
    public var signatureUpToDate: Bool?
    /// Last completed full scan; nil when never or unknown.
    public var lastFullScan: Date?
    public var lastQuickScan: Date?
    /// Last successful signature update (ClamAV: freshclam.log).
    public var lastUpdate: Date?
    /// Last update error message and when it happened (ClamAV: freshclam.log).
    public var lastUpdateError: String?
    public var lastUpdateErrorTime: Date?
    /// Signature databases (ClamAV .cvd/.cld headers).
    public var databases: [AntivirusDatabase]
    /// Related services and whether each is enabled (`clamav-daemon.service: true`).
    public var services: [String: Bool]

    public init(
        product: String, name: String, file: String, enabled: Bool? = nil, realTime: Bool? = nil,
        tamperProtection: Bool? = nil, runningMode: String? = nil, engineVersion: String? = nil,
        signatureVersion: String? = nil, signatureTime: Date? = nil, reportedSignatureAgeDays: Int? = nil,
        signatureUpToDate: Bool? = nil,
        lastFullScan: Date? = nil, lastQuickScan: Date? = nil, lastUpdate: Date? = nil, lastUpdateError: String? = nil,
        lastUpdateErrorTime: Date? = nil, databases: [AntivirusDatabase] = [], services: [String: Bool] = [:]
    ) {
        self.product = product
        self.name = name
        self.file = file
        self.enabled = enabled
        self.realTime = realTime
        self.tamperProtection = tamperProtection
        self.runningMode = runningMode
        self.engineVersion = engineVersion
        self.signatureVersion = signatureVersion
        self.signatureTime = signatureTime
        self.reportedSignatureAgeDays = reportedSignatureAgeDays
        self.signatureUpToDate = signatureUpToDate
        self.lastFullScan = lastFullScan
        self.lastQuickScan = lastQuickScan
        self.lastUpdate = lastUpdate
        self.lastUpdateError = lastUpdateError
        self.lastUpdateErrorTime = lastUpdateErrorTime
        self.databases = databases
        self.services = services
    }

    enum CodingKeys: String, CodingKey {
        case product, name, file, enabled
        case realTime = "real_time"
        case tamperProtection = "tamper_protection"
        case runningMode = "running_mode"
        case engineVersion = "engine_version"
        case signatureVersion = "signature_version"
        case signatureTime = "signature_time"
        case reportedSignatureAgeDays = "reported_signature_age_days"
        case signatureUpToDate = "signature_up_to_date"
        case lastFullScan = "last_full_scan"
        case lastQuickScan = "last_quick_scan"
        case lastUpdate = "last_update"
        case lastUpdateError = "last_update_error"
        case lastUpdateErrorTime = "last_update_error_time"
        case databases, services
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        product = try container.decode(String.self, forKey: .product)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? product
        file = try container.decodeIfPresent(String.self, forKey: .file) ?? ""
        enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled)
        realTime = try container.decodeIfPresent(Bool.self, forKey: .realTime)
        tamperProtection = try container.decodeIfPresent(Bool.self, forKey: .tamperProtection)
        runningMode = try container.decodeIfPresent(String.self, forKey: .runningMode)
        engineVersion = try container.decodeIfPresent(String.self, forKey: .engineVersion)
        signatureVersion = try container.decodeIfPresent(String.self, forKey: .signatureVersion)
        signatureTime = try container.decodeIfPresent(Date.self, forKey: .signatureTime)
        reportedSignatureAgeDays = try container.decodeIfPresent(Int.self, forKey: .reportedSignatureAgeDays)
        signatureUpToDate = try container.decodeIfPresent(Bool.self, forKey: .signatureUpToDate)
        lastFullScan = try container.decodeIfPresent(Date.self, forKey: .lastFullScan)
        lastQuickScan = try container.decodeIfPresent(Date.self, forKey: .lastQuickScan)
        lastUpdate = try container.decodeIfPresent(Date.self, forKey: .lastUpdate)
        lastUpdateError = try container.decodeIfPresent(String.self, forKey: .lastUpdateError)
        lastUpdateErrorTime = try container.decodeIfPresent(Date.self, forKey: .lastUpdateErrorTime)
        databases = try container.decodeIfPresent([AntivirusDatabase].self, forKey: .databases) ?? []
        services = try container.decodeIfPresent([String: Bool].self, forKey: .services) ?? [:]
    }
}
