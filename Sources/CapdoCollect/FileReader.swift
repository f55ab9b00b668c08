import CapdoCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads files under a root, read-only. Paths are given relative to the root (`etc/ssh/sshd_config`) or
/// absolute inside it (`/etc/ssh/sshd_config`); both mean the same file.
///
/// Symlinks resolve inside the root, component by component, like a chroot: an absolute link target
/// `/etc/alternatives/x` means `ROOT/etc/alternatives/x` and `..` stops at the root, so nothing outside the
/// root is ever read when root is not "/". More than `maxSymlinks` links while resolving one path is a
/// `.symlinkLoop`. The file type is checked before any read, so a FIFO or a device never blocks a scan. A
/// directory, an unreadable file or a file over the limit is a `FileReadError` naming the path.
public struct FileReader: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    /// The default size cap for configuration files.
    public static let defaultLimit = 16 * 1024 * 1024

    /// Links followed while resolving one path before giving up (the kernel's limit is also 40).
    public static let maxSymlinks = 40

    /// `etc/ssh/sshd_config` for any spelling of the path.
    public func relative(_ path: String) -> String {
        var trimmed = path
        while trimmed.hasPrefix("/") { trimmed.removeFirst() }
        return trimmed
    }

    /// The host path of a root-relative path (no symlink resolution).
    public func hostPath(_ path: String) -> String {
        let rel = relative(path)
        if root == "/" { return "/" + rel }
        if rel.isEmpty { return root }
        return root + "/" + rel
    }

    /// Resolves every symlink of `path` inside the root and returns the root-relative result
    /// (`etc/alternatives/x` → `usr/bin/x`). With `followFinal` false the last component is kept as is
    /// (lstat semantics). Missing components are an error (`.missing`).
    public func resolve(_ path: String, followFinal: Bool = true) throws(FileReadError) -> String {
        var resolved: [String] = []
        var pending = Array(
            relative(path).split(separator: "/", omittingEmptySubsequences: true).map(String.init).reversed())
        var links = 0
        while let component = pending.popLast() {
            if component == "." { continue }
            if component == ".." {
                if !resolved.isEmpty { resolved.removeLast() }
                continue
            }
            let candidate = (resolved + [component]).joined(separator: "/")
            var info = Glibc.stat()
            if lstat(hostPath(candidate), &info) != 0 {
                let code = errno
                if code == EACCES { throw FileReadError(path: relative(path), reason: .unreadable) }
                throw FileReadError(path: relative(path), reason: .missing)
            }
            let isLast = pending.isEmpty
            if (info.st_mode & S_IFMT) == S_IFLNK && (!isLast || followFinal) {
                links += 1
                if links > Self.maxSymlinks { throw FileReadError(path: relative(path), reason: .symlinkLoop) }
                guard let target = readLinkTarget(hostPath(candidate)) else {
                    throw FileReadError(path: relative(path), reason: .unreadable)
                }
                if target.hasPrefix("/") { resolved.removeAll() }
                let parts = target.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
                pending.append(contentsOf: parts.reversed())
                continue
            }
            if !isLast && (info.st_mode & S_IFMT) != S_IFDIR {
                throw FileReadError(path: relative(path), reason: .missing)
            }
            resolved.append(component)
        }
        return resolved.joined(separator: "/")
    }

    /// The raw target of a symlink (`/dev/null`, `../ssh.service`), nil when `path` is not a symlink.
    /// Only the parent directories are resolved.
    public func linkTarget(_ path: String) -> String? {
        guard let rel = try? resolve(path, followFinal: false) else { return nil }
        return readLinkTarget(hostPath(rel))
    }

    public func exists(_ path: String) -> Bool {
        (try? resolve(path)) != nil
    }

    public func isDirectory(_ path: String) -> Bool {
        guard let rel = try? resolve(path) else { return false }
        var info = Glibc.stat()
        return posixStat(hostPath(rel), &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// True for a regular file (after resolving symlinks inside the root).
    public func isRegularFile(_ path: String) -> Bool {
        guard let rel = try? resolve(path) else { return false }
        var info = Glibc.stat()
        return posixStat(hostPath(rel), &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Reads at most `limit` bytes; larger files are an error.
    public func read(_ path: String, limit: Int = FileReader.defaultLimit) throws(FileReadError) -> Data {
        let descriptor = try open(path)
        defer { close(descriptor) }
        let data = readUpTo(descriptor, count: limit + 1, offset: nil)
        if data.count > limit { throw FileReadError(path: relative(path), reason: .tooLarge(limit)) }
        return data
    }

    /// Reads the first `bytes` bytes (or the whole file when shorter): for big logs, never read whole.
    public func readPrefix(_ path: String, bytes: Int) throws(FileReadError) -> Data {
        let descriptor = try open(path)
        defer { close(descriptor) }
        return readUpTo(descriptor, count: max(0, bytes), offset: nil)
    }

    /// Reads `count` bytes at `offset` (fewer at the end of the file): for fixed-size binary records.
    public func readRange(_ path: String, offset: Int64, count: Int) throws(FileReadError) -> Data {
        let descriptor = try open(path)
        defer { close(descriptor) }
        return readUpTo(descriptor, count: max(0, count), offset: max(0, offset))
    }

    /// Reads a text file (invalid UTF-8 is repaired, never fatal).
    public func readText(_ path: String, limit: Int = FileReader.defaultLimit) throws(FileReadError) -> String {
        String(decoding: try read(path, limit: limit), as: UTF8.self)
    }

    /// Streams a file line by line (without the newline) in 1 MiB chunks, so memory stays bounded by
    /// the longest line; reading stops after `limit` bytes with `.tooLarge`, or when `body` returns false.
    /// Line numbers start at 1.
    public func forEachLine(
        _ path: String, limit: Int = 256 * 1024 * 1024, _ body: (ArraySlice<UInt8>, Int) -> Bool
    ) throws(FileReadError) {
        var lines = LineSplitter()
        try forEachChunk(path, limit: limit) { chunk in lines.feed(chunk, body) }
        lines.finish(body)
    }

    /// Streams a file's bytes in 1 MiB chunks; reading stops after `limit` bytes with `.tooLarge`, or when
    /// `body` returns false.
    public func forEachChunk(
        _ path: String, limit: Int = 256 * 1024 * 1024, _ body: (UnsafeRawBufferPointer) -> Bool
    ) throws(FileReadError) {
        let descriptor = try open(path)
        defer { close(descriptor) }
        var total = 0
        let chunkSize = 1 << 20
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, chunkSize) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            total += count
            if total > limit { throw FileReadError(path: relative(path), reason: .tooLarge(limit)) }
            let more = chunk.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            if !more { return }
        }
    }

    /// Entry names of a directory, sorted; empty when it does not exist.
    public func list(_ path: String) -> [String] {
        guard let rel = try? resolve(path) else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: hostPath(rel))) ?? []).sorted()
    }

    /// Root-relative paths of the entries of `directory` whose names end in `suffix` (all when empty) and
    /// that are regular files after resolving symlinks inside the root; sorted by name.
    public func files(in directory: String, suffix: String = "") -> [String] {
        let base = relative(directory)
        return list(base).filter { name in
            (suffix.isEmpty || name.hasSuffix(suffix)) && !name.hasPrefix(".")
        }.map { base.isEmpty ? $0 : base + "/" + $0 }.filter { isRegularFile($0) }
    }

    /// Entries of `directory` whose names match a `Glob` (`auth.log*`), as root-relative paths.
    public func glob(_ directory: String, _ pattern: String) -> [String] {
        let base = relative(directory)
        return list(base).filter { Glob.matches(pattern, $0) }.map { base.isEmpty ? $0 : base + "/" + $0 }
    }

    /// Metadata of one file (lstat, never following a final symlink; parents resolve inside the root).
    public func stat(_ path: String) -> FileFact {
        guard let rel = try? resolve(path, followFinal: false) else { return FileFact(exists: false) }
        var info = Glibc.stat()
        guard lstat(hostPath(rel), &info) == 0 else { return FileFact(exists: false) }
        return Self.fact(info)
    }

    /// Metadata after following every symlink inside the root; `exists: false` when it cannot be resolved.
    public func statFollowing(_ path: String) -> FileFact {
        guard let rel = try? resolve(path) else { return FileFact(exists: false) }
        var info = Glibc.stat()
        guard posixStat(hostPath(rel), &info) == 0 else { return FileFact(exists: false) }
        return Self.fact(info)
    }

    /// Modification time of a file (symlinks followed inside the root).
    public func modified(_ path: String) -> Date? {
        statFollowing(path).modified
    }
}

private extension FileReader {
    /// Opens a regular file read-only after resolving it inside the root; checks the type first (and again
    /// on the descriptor) so FIFOs and devices are refused without blocking.
    func open(_ path: String) throws(FileReadError) -> Int32 {
        let rel = try resolve(path)
        let host = hostPath(rel)
        var info = Glibc.stat()
        guard posixStat(host, &info) == 0 else {
            throw FileReadError(path: relative(path), reason: errno == EACCES ? .unreadable : .missing)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw FileReadError(path: relative(path), reason: .notAFile) }
        let descriptor = Glibc.open(host, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else {
            let code = errno
            switch code {
            case ENOENT: throw FileReadError(path: relative(path), reason: .missing)
            case ELOOP: throw FileReadError(path: relative(path), reason: .symlinkLoop)
            default: throw FileReadError(path: relative(path), reason: .unreadable)
            }
        }
        var opened = Glibc.stat()
        guard fstat(descriptor, &opened) == 0, (opened.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw FileReadError(path: relative(path), reason: .notAFile)
        }
        return descriptor
    }

    /// Reads up to `count` bytes from the current position or from `offset`.
    func readUpTo(_ descriptor: Int32, count: Int, offset: Int64?) -> Data {
        var data = Data()
        let chunkSize = min(max(count, 1), 1 << 20)
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var position = offset ?? 0
        while data.count < count {
            let want = min(chunkSize, count - data.count)
            let got = buffer.withUnsafeMutableBytes { raw -> Int in
                if offset != nil { return pread(descriptor, raw.baseAddress, want, off_t(position)) }
                return Glibc.read(descriptor, raw.baseAddress, want)
            }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { break }
            data.append(contentsOf: buffer[0..<got])
            position += Int64(got)
        }
        return data
    }

    func readLinkTarget(_ host: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(host, &buffer, Int(PATH_MAX))
        guard length >= 0 else { return nil }
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func fact(_ info: Glibc.stat) -> FileFact {
        let kind: String
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = "file"
        case S_IFDIR: kind = "directory"
        case S_IFLNK: kind = "symlink"
        default: kind = "other"
        }
        let seconds = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1_000_000_000
        return FileFact(
            exists: true, kind: kind, mode: String(format: "%04o", Int(info.st_mode & 0o7777)),
            uid: Int(info.st_uid), gid: Int(info.st_gid), size: Int64(info.st_size),
            modified: Date(timeIntervalSince1970: seconds.rounded(.down)))
    }
}

/// `stat(2)` under a name that the `FileReader.stat(_:)` method cannot shadow.
private func posixStat(_ path: String, _ info: inout Glibc.stat) -> Int32 {
    stat(path, &info)
}
