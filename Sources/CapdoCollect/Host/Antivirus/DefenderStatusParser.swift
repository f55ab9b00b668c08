import CapdoCore
import Foundation

/// Parses a `Get-MpComputerStatus | ConvertTo-Json` export (Windows PowerShell 5.1 or PowerShell 7).
///
/// Field names are Microsoft's (`MSFT_MpComputerStatus`). Ages of 4294967295 (UInt32.MaxValue) mean
/// "never"; an `AMRunningMode` of `Passive Mode`/`SxS Passive Mode` means another product protects the
/// host and Defender is not enabled.
public enum DefenderStatusParser {
    /// The sentinel Defender uses for "never" in `*Age` fields.
    public static let never = 4_294_967_295

    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// True when a decoded JSON object looks like an `MSFT_MpComputerStatus` export.
    public static func looksLikeDefender(_ object: [String: Any]) -> Bool {
        object["AMServiceEnabled"] != nil || object["AntivirusSignatureVersion"] != nil
    }

    /// Parses the export's text (already decoded from UTF-16/UTF-8) into a product.
    public static func parse(_ text: String, file: String) throws(ParseError) -> AntivirusProduct {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw ParseError(message: "not JSON: expected the output of 'Get-MpComputerStatus | ConvertTo-Json'")
        }
        var object = json as? [String: Any]
        if object == nil, let list = json as? [[String: Any]], list.count == 1 { object = list[0] }
        guard let object else {
            throw ParseError(message: "expected one JSON object from 'Get-MpComputerStatus | ConvertTo-Json'")
        }
        return try parse(object, file: file)
    }

    /// Parses an already-decoded export object.
    public static func parse(_ object: [String: Any], file: String) throws(ParseError) -> AntivirusProduct {
        guard looksLikeDefender(object) else {
            throw ParseError(
                message: "not a Get-MpComputerStatus export: no AMServiceEnabled or AntivirusSignatureVersion")
        }
        let serviceEnabled = try bool(object, "AMServiceEnabled")
        let antivirusEnabled = try bool(object, "AntivirusEnabled")
        let mode = object["AMRunningMode"] as? String
        let passive = mode.map { $0.lowercased().contains("passive") } ?? false
        var enabled: Bool?
        if let serviceEnabled, let antivirusEnabled { enabled = serviceEnabled && antivirusEnabled && !passive }
        var realTime = try bool(object, "RealTimeProtectionEnabled")
        if enabled == false, realTime == true, passive { realTime = false }
        let signatureAge = try age(object, "AntivirusSignatureAge")
        var signatureTime = try date(object, "AntivirusSignatureLastUpdated")
        if signatureAge == nil { signatureTime = nil }
        let fullAge = try age(object, "FullScanAge")
        let quickAge = try age(object, "QuickScanAge")
        return AntivirusProduct(
            product: "defender", name: "Microsoft Defender Antivirus", file: file, enabled: enabled, realTime: realTime,
            tamperProtection: try bool(object, "IsTamperProtected"), runningMode: mode,
            engineVersion: object["AMEngineVersion"] as? String,
            signatureVersion: object["AntivirusSignatureVersion"] as? String, signatureTime: signatureTime,
            reportedSignatureAgeDays: signatureAge,
            lastFullScan: fullAge == nil ? nil : try date(object, "FullScanEndTime"),
            lastQuickScan: quickAge == nil ? nil : try date(object, "QuickScanEndTime"))
    }
}

private extension DefenderStatusParser {
    static func bool(_ object: [String: Any], _ key: String) throws(ParseError) -> Bool? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        if let number = value as? NSNumber, isZeroOrOne(number) { return number.boolValue }
        if let flag = value as? Bool { return flag }
        throw ParseError(message: "\(key): expected true or false, found '\(String(describing: value).prefix(40))'")
    }

    /// A day count; nil for "never" (4294967295) or absent.
    static func age(_ object: [String: Any], _ key: String) throws(ParseError) -> Int? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let number = value as? NSNumber, let days = Int(exactly: number.doubleValue), days >= 0 else {
            throw ParseError(
                message: "\(key): expected a number of days, found '\(String(describing: value).prefix(40))'")
        }
        return days >= never ? nil : days
    }

    static func date(_ object: [String: Any], _ key: String) throws(ParseError) -> Date? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        // ConvertTo-Json -Depth 1 on some hosts writes dates as objects with a `value` and `DateTime`.
        if let nested = value as? [String: Any], let inner = nested["value"] as? String {
            return ExportDateParser.parse(inner)
        }
        guard let text = value as? String, let parsed = ExportDateParser.parse(text) else {
            throw ParseError(message: "\(key): expected a date, found '\(String(describing: value).prefix(40))'")
        }
        return parsed
    }

    /// Foundation on Linux bridges JSON booleans to NSNumber; accept any NSNumber that is 0 or 1.
    static func isZeroOrOne(_ number: NSNumber) -> Bool {
        number.doubleValue == 0 || number.doubleValue == 1
    }
}
