import CapdoCompression
import CapdoCore

/// Reads one apt list of `var/lib/apt/lists`, plain or kept compressed (`Acquire::GzipIndexes`:
/// `…_Packages.gz`, `.xz`, `.lz4`), line by line, through the environment's file reader.
public struct AptListReader: Sendable {
    /// A list file: its path, the name without the compression suffix, and the compression.
    public struct List: Sendable, Equatable {
        public var path: String
        public var name: String
        public var format: Decompressor.Format?
    }

    /// Compression suffixes apt may leave that capdo cannot read.
    public static let unsupportedSuffixes = [".bz2", ".lzma", ".zst"]

    public let files: FileReader
    /// Largest decompressed size read from one list.
    public let limit: Int

    public init(files: FileReader, limit: Int) {
        self.files = files
        self.limit = limit
    }

    /// The Packages lists of a directory listing, one per list (an uncompressed copy preferred), and the names
    /// of lists in a compression capdo cannot read.
    public static func packagesLists(_ names: [String], in directory: String) -> (lists: [List], unreadable: [String]) {
        var lists: [String: List] = [:]
        var unreadable: [String] = []
        for name in names {
            guard let range = name.range(of: "_Packages", options: .backwards) else { continue }
            let base = String(name[..<range.upperBound])
            let suffix = String(name[range.upperBound...])
            let path = directory + "/" + name
            if suffix.isEmpty {
                lists[base] = List(path: path, name: base, format: nil)
            } else if let format = Decompressor.Format(suffix: suffix) {
                if lists[base] == nil { lists[base] = List(path: path, name: base, format: format) }
            } else if unsupportedSuffixes.contains(suffix) {
                unreadable.append(path)
            }
        }
        return (lists.keys.sorted().compactMap { lists[$0] }, unreadable)
    }

    /// Streams the list's decompressed lines; a read, decompression or size problem is an issue naming the file.
    public func forEachLine(_ list: List, _ body: (ArraySlice<UInt8>, Int) -> Bool) -> CollectionIssue? {
        guard let format = list.format else {
            do throws(FileReadError) {
                try files.forEachLine(list.path, limit: limit, body)
                return nil
            } catch {
                return error.issue(collector: "updates")
            }
        }
        var lines = LineSplitter()
        var total = 0
        var failure: String?
        do throws(FileReadError) {
            let decompressor: Decompressor
            do { decompressor = try Decompressor(format) } catch { return issue(list, error.description) }
            func sink(_ bytes: [UInt8]) throws {
                total += bytes.count
                guard total <= limit else {
                    throw Decompressor.Failure(description: "more than \(limit) bytes once decompressed")
                }
                _ = lines.feed(bytes, body)
            }
            try files.forEachChunk(list.path, limit: limit) { chunk in
                do {
                    try decompressor.feed(chunk, sink)
                    return true
                } catch {
                    failure = "\(error)"
                    return false
                }
            }
            if failure == nil {
                do { try decompressor.finish(sink) } catch { failure = "\(error)" }
            }
        } catch {
            return error.issue(collector: "updates")
        }
        if let failure { return issue(list, "cannot read the \(list.format?.rawValue ?? "") list: " + failure) }
        lines.finish(body)
        return nil
    }

    private func issue(_ list: List, _ message: String) -> CollectionIssue {
        CollectionIssue(collector: "updates", file: list.path, message: message)
    }
}
