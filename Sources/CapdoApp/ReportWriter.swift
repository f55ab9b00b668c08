import CapdoCore
import CapdoReport
import Foundation

/// Writes report files atomically (temporary file, then rename) so a crash never leaves half a report.
public struct ReportWriter {
    var directory: String
    var reporters: [any Reporter]
    var language: Language

    /// Writes `<stem>.<ext>` for every reporter the result calls for; returns the paths written.
    public func write(_ result: ScanResult, stem: String) throws(CapdoError) -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CapdoError(.output, "cannot create the output folder '\(directory)': \(error.localizedDescription)")
        }
        var written: [String] = []
        for reporter in reporters where reporter.writes(result) {
            let path = directory + "/" + stem + "." + reporter.fileExtension
            try Self.atomicWrite(to: path) { output in reporter.render(result, language: language, to: &output) }
            written.append(path)
        }
        return written
    }

    public static func atomicWrite(_ text: String, to path: String) throws(CapdoError) {
        try atomicWrite(to: path) { $0.write(text) }
    }

    /// Streams `body`'s text into a temporary file beside `path`, then renames it over `path`.
    static func atomicWrite(to path: String, _ body: (inout FileTextStream) -> Void) throws(CapdoError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do throws(FileTextStream.Failure) {
            var stream = try FileTextStream(path: temporary.path)
            body(&stream)
            try stream.close()
            // rename(2) replaces the old report atomically: readers see the old or the new file, never half.
            guard rename(temporary.path, url.path) == 0 else {
                throw FileTextStream.Failure(reason: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw CapdoError(.output, "cannot write '\(path)': \(error.reason)")
        }
    }

    /// A file-name-safe stem: `<host>-<date>`.
    public static func stem(host: String, date: Date) -> String {
        let safe = host.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" }
        let name = String(safe).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return (name.isEmpty ? "host" : name) + "-" + CapdoDate.day(date)
    }
}
