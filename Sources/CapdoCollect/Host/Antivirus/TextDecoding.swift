import Foundation

/// Decodes exported text files: UTF-8 (with or without BOM) and UTF-16LE/BE with BOM, as Windows
/// PowerShell 5.1 writes them when output is redirected (`> file` is UTF-16LE with BOM).
public enum TextDecoding {
    /// The text of `data`, or nil when it is not valid in the encoding its BOM (or its absence) announces.
    public static func decode(_ data: Data) -> String? {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return String(data: Data(bytes.dropFirst(3)), encoding: .utf8)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return utf16(Array(bytes.dropFirst(2)), littleEndian: true)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return utf16(Array(bytes.dropFirst(2)), littleEndian: false)
        }
        // UTF-16LE without BOM: ASCII text with every second byte zero ('{' 0x00 …).
        if bytes.count >= 4, bytes[1] == 0, bytes[3] == 0, bytes[0] != 0 {
            return utf16(bytes, littleEndian: true)
        }
        return String(data: data, encoding: .utf8)
    }

    private static func utf16(_ bytes: [UInt8], littleEndian: Bool) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index + 1 < bytes.count {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(littleEndian ? first | (second << 8) : (first << 8) | second)
            index += 2
        }
        var result = ""
        var valid = true
        // transcode returns true when it met an invalid sequence (and stopped there).
        let stoppedOnError = transcode(
            units.makeIterator(), from: UTF16.self, to: UTF32.self, stoppingOnError: true
        ) { scalar in
            if let value = Unicode.Scalar(scalar) { result.unicodeScalars.append(value) } else { valid = false }
        }
        return valid && !stoppedOnError && result.utf16.count == units.count ? result : nil
    }
}
