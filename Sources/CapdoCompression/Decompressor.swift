internal import CCompression

/// Streaming decompression of gzip, xz and lz4 data (zlib, liblzma, liblz4), for compressed apt lists.
///
/// Feed compressed chunks in order; each call hands the decompressed bytes to `output` as they come, so memory
/// stays bounded by the chunk size. `finish()` fails when the stream ended early. Owns its C stream and frees it
/// in `deinit`; one instance is used by one reader at a time (it is not `Sendable`).
public final class Decompressor {
    public enum Format: String, Sendable, CaseIterable {
        case gzip, xz, lz4

        /// The format of a file name's compression suffix (`.gz`, `.xz`, `.lz4`); nil for others.
        public init?(suffix: String) {
            switch suffix {
            case ".gz": self = .gzip
            case ".xz": self = .xz
            case ".lz4": self = .lz4
            default: return nil
            }
        }
    }

    /// Why decompression failed, in the library's words.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    public let format: Format
    private var zlib = z_stream()
    private var lzma = lzma_stream()
    private var lz4: OpaquePointer?
    private var ended = false
    private var output = [UInt8](repeating: 0, count: 1 << 18)

    public init(_ format: Format) throws(Failure) {
        self.format = format
        switch format {
        case .gzip:
            // 15 window bits + 32: accept a gzip or zlib header.
            let status = inflateInit2_(&zlib, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
            guard status == Z_OK else { throw Failure(description: "zlib: cannot start (\(status))") }
        case .xz:
            let status = lzma_stream_decoder(&lzma, UInt64.max, 0x08)  // LZMA_CONCATENATED
            guard status == LZMA_OK else { throw Failure(description: "liblzma: cannot start (\(status.rawValue))") }
        case .lz4:
            var context: OpaquePointer?
            let code = LZ4F_createDecompressionContext(&context, UInt32(LZ4F_VERSION))
            guard LZ4F_isError(code) == 0, let context else {
                throw Failure(description: "liblz4: cannot start")
            }
            lz4 = context
        }
    }

    deinit {
        switch format {
        case .gzip: inflateEnd(&zlib)
        case .xz: lzma_end(&lzma)
        case .lz4: if let lz4 { LZ4F_freeDecompressionContext(lz4) }
        }
    }

    /// Decompresses one chunk; `output` receives the bytes (possibly several times, possibly never).
    public func feed(_ input: UnsafeRawBufferPointer, _ output: ([UInt8]) throws -> Void) throws {
        guard let base = input.baseAddress, !input.isEmpty else { return }
        switch format {
        case .gzip: try inflate(base, input.count, output)
        case .xz: try unxz(base, input.count, finishing: false, output)
        case .lz4: try unlz4(base, input.count, output)
        }
    }

    /// Ends the stream: an error when the data stopped before its end marker.
    public func finish(_ output: ([UInt8]) throws -> Void) throws {
        if format == .xz && !ended {
            var empty: UInt8 = 0
            try withUnsafePointer(to: &empty) { try unxz(UnsafeRawPointer($0), 0, finishing: true, output) }
        }
        guard ended else { throw Failure(description: "\(format.rawValue) data ends before the end of its stream") }
    }

    private func inflate(_ base: UnsafeRawPointer, _ count: Int, _ sink: ([UInt8]) throws -> Void) throws {
        zlib.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: UInt8.self))
        zlib.avail_in = UInt32(count)
        while zlib.avail_in > 0 {
            if ended {
                // Another gzip member follows (concatenated files decompress to their concatenation).
                guard inflateReset(&zlib) == Z_OK else { throw Failure(description: "zlib: cannot reset") }
                ended = false
            }
            let (status, produced) = output.withUnsafeMutableBufferPointer { buffer -> (Int32, Int) in
                zlib.next_out = buffer.baseAddress
                zlib.avail_out = UInt32(buffer.count)
                let status = CCompression.inflate(&zlib, Z_NO_FLUSH)
                return (status, buffer.count - Int(zlib.avail_out))
            }
            if produced > 0 { try sink(Array(output[0..<produced])) }
            switch status {
            case Z_STREAM_END: ended = true
            case Z_OK: continue
            case Z_BUF_ERROR where produced > 0: continue
            default:
                let message = zlib.msg.map { String(cString: $0) } ?? "status \(status)"
                throw Failure(description: "gzip data is corrupt: \(message)")
            }
        }
    }

    private func unxz(
        _ base: UnsafeRawPointer, _ count: Int, finishing: Bool, _ sink: ([UInt8]) throws -> Void
    ) throws {
        lzma.next_in = base.assumingMemoryBound(to: UInt8.self)
        lzma.avail_in = count
        while true {
            let (status, produced) = output.withUnsafeMutableBufferPointer { buffer -> (lzma_ret, Int) in
                lzma.next_out = buffer.baseAddress
                lzma.avail_out = buffer.count
                let status = lzma_code(&lzma, finishing ? LZMA_FINISH : LZMA_RUN)
                return (status, buffer.count - lzma.avail_out)
            }
            if produced > 0 { try sink(Array(output[0..<produced])) }
            switch status {
            case LZMA_STREAM_END:
                ended = true
                return
            case LZMA_OK:
                if lzma.avail_in == 0 && produced < output.count && !finishing { return }
            case LZMA_BUF_ERROR where finishing:
                return
            default:
                throw Failure(description: "xz data is corrupt (liblzma error \(status.rawValue))")
            }
        }
    }

    private func unlz4(_ base: UnsafeRawPointer, _ count: Int, _ sink: ([UInt8]) throws -> Void) throws {
        var offset = 0
        while offset < count {
            var consumed = count - offset
            var produced = output.count
            let hint = output.withUnsafeMutableBytes { buffer in
                LZ4F_decompress(lz4, buffer.baseAddress, &produced, base + offset, &consumed, nil)
            }
            if LZ4F_isError(hint) != 0 {
                throw Failure(description: "lz4 data is corrupt: " + String(cString: LZ4F_getErrorName(hint)))
            }
            offset += consumed
            if produced > 0 { try sink(Array(output[0..<produced])) }
            // 0 means a frame ended; further input starts another frame.
            ended = hint == 0
            if consumed == 0 && produced == 0 { break }
        }
    }
}
