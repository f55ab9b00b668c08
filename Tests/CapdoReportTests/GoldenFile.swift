import Foundation
import Testing

/// Byte-for-byte comparison with files under `Golden/`; `CAPDO_UPDATE_GOLDEN=1` rewrites them instead.
///
/// The test target has no resources, so the files are found next to this source file.
enum GoldenFile {
    static let directory = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Golden")

    static var updating: Bool { ProcessInfo.processInfo.environment["CAPDO_UPDATE_GOLDEN"] == "1" }

    static func url(_ name: String) -> URL { directory.appending(path: name) }

    /// Checks `actual` against the golden file `name`, naming the first differing line on mismatch.
    static func check(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
        throws
    {
        let url = url(name)
        if updating {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if actual == expected { return }
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let common = min(actualLines.count, expectedLines.count)
        let line = (0..<common).first { actualLines[$0] != expectedLines[$0] } ?? common
        let got = line < actualLines.count ? String(actualLines[line]) : "<end of output>"
        let want = line < expectedLines.count ? String(expectedLines[line]) : "<end of golden file>"
        let message =
            "\(name) differs at line \(line + 1):\n  got:  \(got)\n  want: \(want)\n"
            + "Run with CAPDO_UPDATE_GOLDEN=1 to accept the new output."
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}
