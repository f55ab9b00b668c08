import CapdoCore

/// A Linux anti-malware product recognised by its systemd unit, for hosts without a status export: the annex accepts
/// "phương án tương đương", so ClamAV is not the only answer. A product seen only this way is `enabled` (its unit is
/// enabled) with real-time protection and signature age unknown; `mdatp health` output or a capdo status file in
/// `etc/capdo/antivirus/` tells more.
public struct LinuxAntivirusUnit: Sendable, Equatable {
    public var unit: String
    public var product: String
    public var name: String

    /// The units capdo recognises. Bkav publishes no Linux unit name capdo could confirm: declare it with a status file.
    public static let known: [LinuxAntivirusUnit] = [
        LinuxAntivirusUnit(unit: "mdatp.service", product: "defender", name: "Microsoft Defender for Endpoint (Linux)"),
        LinuxAntivirusUnit(unit: "kesl.service", product: "kaspersky", name: "Kaspersky Endpoint Security for Linux"),
        LinuxAntivirusUnit(unit: "eea.service", product: "eset", name: "ESET Endpoint Antivirus for Linux"),
        LinuxAntivirusUnit(unit: "efs.service", product: "eset", name: "ESET Server Security for Linux"),
        LinuxAntivirusUnit(unit: "sophos-spl.service", product: "sophos", name: "Sophos Protection for Linux"),
    ]

    /// The product as its enabled unit shows it; `link` is where the enablement was found.
    public func product(link: String) -> AntivirusProduct {
        AntivirusProduct(product: product, name: name, file: link, enabled: true, services: [unit: true])
    }
}
