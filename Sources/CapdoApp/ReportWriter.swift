import CapdoCore
import CapdoReport
import Foundation

/// Writes report files atomically (temporary file, then rename) so a crash never leaves half a report.
public struct ReportWriter: Sendable {
    var directory: String
    var reporters: [any Reporter]
    var language: Language

    /// Writes `<stem>.<ext>` for every reporter; returns the paths written. For more than one host, the HTML and
    /// Markdown summaries link each host's row to its detail report `<stem>-hosts/<host>.<ext>`, written here too,
    /// with the whole host table beside them as `<stem>-hosts.<ext>`.
    public func write(_ result: ScanResult, stem: String) throws(CapdoError) -> [String] {
        let hosts = result.hosts.filter { !$0.isSystem }
        // The formats that get a detail report per host are those with a host index: the documents people read.
        let details = reporters.filter { FleetHostIndex.formats.contains($0.format) }
        guard hosts.count > 1, !details.isEmpty else { return try writeReports(result, stem: stem) }
        let index = ReportFileName.hostIndex(stem: stem)
        var linked = result
        linked.hostDetails = index
        var written = try writeReports(linked, stem: stem)
        for reporter in details {
            guard let text = FleetHostIndex.render(linked, language: language, format: reporter.format) else {
                continue
            }
            let path = directory + "/" + index + "." + reporter.fileExtension
            try Self.atomicWrite(text, to: path)
            written.append(path)
        }
        let folder = ReportWriter(directory: directory + "/" + index, reporters: details, language: language)
        written += try folder.writeDetails(hosts, of: result)
        return written
    }

    /// One report per host in every format of this writer, in parallel; returns the paths written.
    func writeDetails(_ hosts: [HostResult], of result: ScanResult) throws(CapdoError) -> [String] {
        try createDirectory()
        let slots = ResultSlots<[String]>(count: hosts.count)
        DispatchQueue.concurrentPerform(iterations: hosts.count) { index in
            var detail = result
            detail.hosts = [hosts[index]]
            detail.systems = result.systems?.filter { $0.hosts.contains(hosts[index].host) }
            // The changes section covers the whole fleet: it stays in the summary.
            detail.changes = nil
            detail.hostDetails = nil
            let stem = ReportFileName.safe(hosts[index].host)
            slots.set(index, Result { () throws(CapdoError) in try writeReports(detail, stem: stem) })
        }
        var written: [String] = []
        for result in slots.results { written += try result.get() }
        return written
    }

    private func createDirectory() throws(CapdoError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CapdoError(.output, "cannot create the output folder '\(directory)': \(error.localizedDescription)")
        }
    }

    /// Writes `<stem>.<ext>` for every reporter; returns the paths written.
    private func writeReports(_ result: ScanResult, stem: String) throws(CapdoError) -> [String] {
        try createDirectory()
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
        ReportFileName.safe(host) + "-" + CapdoDate.day(date)
    }
}
