import Foundation

/// An HTML report printed to A4 PDF by headless Chromium, read back with poppler's `pdfinfo` and `pdftotext`.
struct PrintedPDF {
    /// A word of the PDF with its box, in points from the page's top left corner.
    struct Word {
        var page: Int
        var text: String
        var xMin, yMin, xMax, yMax: Double
    }

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static var available: Bool {
        chromium != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo")
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")
    }

    let path: String
    let pages: Int
    let pageWidth: Double
    let pageHeight: Double

    /// Prints `html` (a file) to a PDF in `folder`.
    init(html: String, folder: String) throws {
        guard let chromium = Self.chromium else { throw PrintError(message: "chromium is not installed") }
        path = folder + "/" + URL(fileURLWithPath: html).lastPathComponent + ".pdf"
        // A throwaway profile: Chromium must not read or write the user's.
        let run = try Self.run(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                "--user-data-dir=\(folder)/profile", "--print-to-pdf=\(path)",
                URL(fileURLWithPath: html).absoluteString,
            ])
        guard FileManager.default.fileExists(atPath: path) else {
            throw PrintError(message: "chromium wrote no PDF for \(html): \(run.stderr)")
        }
        let info = try Self.run("/usr/bin/pdfinfo", [path]).stdout
        func field(_ name: String) -> String {
            info.split(separator: "\n").first { $0.hasPrefix(name + ":") }.map {
                $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
            } ?? ""
        }
        pages = Int(field("Pages")) ?? 0
        // "Page size:      594.96 x 841.92 pts (A4)"
        let size = field("Page size").split(separator: " ").compactMap { Double($0) }
        pageWidth = size.first ?? 0
        pageHeight = size.dropFirst().first ?? 0
    }

    /// The text of pages `first` through `last`.
    func text(first: Int, last: Int) throws -> String {
        try Self.run("/usr/bin/pdftotext", ["-f", "\(first)", "-l", "\(last)", "-layout", path, "-"]).stdout
    }

    /// Every word with its box (`pdftotext -bbox`).
    func words() throws -> [Word] {
        let xhtml = try Self.run("/usr/bin/pdftotext", ["-bbox", path, "-"]).stdout
        var words: [Word] = []
        var page = 0
        for line in xhtml.split(separator: "\n") {
            if line.contains("<page ") { page += 1 }
            guard line.contains("<word ") else { continue }
            func number(_ key: String) -> Double {
                guard let range = line.range(of: key + "=\"") else { return 0 }
                return Double(line[range.upperBound...].prefix { $0 != "\"" }) ?? 0
            }
            let text = line.split(separator: ">").dropFirst().first?.split(separator: "<").first.map(String.init) ?? ""
            words.append(
                Word(
                    page: page, text: text, xMin: number("xMin"), yMin: number("yMin"), xMax: number("xMax"),
                    yMax: number("yMax")))
        }
        return words
    }

    /// The first page whose text contains `needle`, or nil.
    func page(containing needle: String) throws -> Int? {
        for page in 1...max(pages, 1) where try text(first: page, last: page).contains(needle) { return page }
        return nil
    }

    struct PrintError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (stdout: String, stderr: String) {
        let folder = FileManager.default.temporaryDirectory.appending(path: "capdo-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appending(path: "stdout")
        let err = folder.appending(path: "stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return (
            (try? String(contentsOf: out, encoding: .utf8)) ?? "", (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        )
    }
}
