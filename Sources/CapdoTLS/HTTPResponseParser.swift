import CapdoCore
import Foundation

/// Reads an HTTP/1.x response from bytes a hostile server chose: bounded, never trusting its lengths.
///
/// Only what the probe judges is kept: the status, headers (at most `maxHeaders`, each value cut to `maxValue`
/// characters with control characters shown as `\u{…}` escapes), and the first `maxBody` bytes of the body.
enum HTTPResponseParser {
    static let maxHeaders = 100
    static let maxValue = 512
    static let maxBody = 65_536

    /// The response in `bytes` (which may stop anywhere after the status line); a `.closed` error when it is not HTTP.
    static func parse(_ bytes: [UInt8], cut: Bool = false) throws(CapdoError) -> HTTPResponse {
        var lines: [[UInt8]] = []
        var start = 0
        var bodyStart: Int?
        var index = 0
        while index < bytes.count {
            if bytes[index] == 10 {
                var line = Array(bytes[start..<index])
                if line.last == 13 { line.removeLast() }
                start = index + 1
                if line.isEmpty && !lines.isEmpty {
                    bodyStart = start
                    break
                }
                lines.append(line)
            }
            index += 1
        }
        guard let statusLine = lines.first else { throw CapdoError(.closed, "no HTTP status line in the reply") }
        let statusText = String(decoding: statusLine.prefix(200), as: UTF8.self)
        let parts = statusText.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]), (100...999).contains(status)
        else {
            throw CapdoError(.closed, "the reply is not HTTP", cause: clean(statusText))
        }
        var truncated = cut || bodyStart == nil
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard headers.count < maxHeaders else {
                truncated = true
                break
            }
            guard let colon = line.firstIndex(of: 58) else { continue }
            let name = String(decoding: line[..<colon].prefix(64), as: UTF8.self).lowercased()
                .trimmingCharacters(in: .whitespaces)
            let raw = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if raw.count > maxValue { truncated = true }
            headers.append((clean(name), clean(String(raw.prefix(maxValue)))))
        }
        var body: [UInt8] = []
        if let bodyStart {
            body = Array(bytes[bodyStart...].prefix(maxBody))
            if bytes.count - bodyStart > maxBody { truncated = true }
        }
        return HTTPResponse(status: status, headers: headers, body: body, truncated: truncated)
    }

    /// `text` with every control character (C0, DEL, C1) written as a visible `\u{1B}` escape, so a banner cannot
    /// move a terminal's cursor or hide text; HTML and Markdown escaping stay the reporters' job.
    static func clean(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
