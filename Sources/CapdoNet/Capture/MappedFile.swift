internal import CCapdoMapGuard
import Foundation
import Synchronization

/// A regular file mapped read-only for one pass from its start to its end, without copying it: the kernel's copy of
/// every byte into a buffer (`pread`) took as long as analysing the packets in it.
///
/// The mapping is guarded (`CCapdoMapGuard`): if the file shrinks while it is read (truncated by log rotation), a
/// page past its new end reads as zeros instead of killing the process with SIGBUS, and `intact` turns false. A thread
/// of its own maps the next chunks' pages before the reader reaches them, and the pages the reader has passed are
/// dropped, so memory stays a few chunks however large the file.
///
/// The reader calls `passed(_:)` when its position reaches `nextMark`, and `finish()` once done.
final class MappedFile: @unchecked Sendable {  // the reader's side is used by one thread; the other only by `populate`
    /// The reader's steps: pages are mapped ahead and dropped behind a chunk at a time.
    static let chunkSize = 4 << 20

    let base: UnsafeRawPointer
    let length: Int
    /// The reader's position at which to call `passed(_:)` next.
    private(set) var nextMark: Int
    private let descriptor: Int32
    private let slot: Int32
    private let chunk: Int
    private let pageSize: Int
    /// Chunks the populating thread may map beyond the reader's.
    private let ahead = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let stopped = Atomic<Bool>(false)
    /// The reader's side: everything before this offset has been dropped.
    private var released = 0

    /// Nil when the file is empty or cannot be mapped and guarded; the caller then reads it another way.
    init?(descriptor: Int32, length: Int, chunk: Int = chunkSize, chunksAhead: Int = 3) {
        guard length > 0, let address = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0),
            address != UnsafeMutableRawPointer(bitPattern: -1)
        else { return nil }
        let slot = CCapdoMapGuard_register(address, length)
        guard slot >= 0 else {
            munmap(address, length)
            return nil
        }
        base = UnsafeRawPointer(address)
        self.descriptor = descriptor
        self.length = length
        self.slot = slot
        self.chunk = chunk
        pageSize = CCapdoMapGuard_pageSize()
        nextMark = chunk
        // Signalled rather than created with a value: libdispatch traps when a semaphore is freed below the value
        // it was created with.
        for _ in 0..<chunksAhead { ahead.signal() }
        let thread = Thread { [self] in populate() }
        thread.start()
    }

    /// The bytes before offset `end` read as the file holds them: the file was not cut before `end`. False once the
    /// file was cut in or before the page after the one holding `end - 1`; the reader then leaves the records from
    /// there to a plain read, which reads those before the cut and stops at it.
    ///
    /// A cut before `end` leaves that next page wholly past the file's end, so reading it faults (the guard then marks
    /// the mapping cut); within the file's last page, where nothing faults, the file's length is asked instead. A cut
    /// while the reader uses the bytes is not seen until the next call.
    @inline(__always) func intact(upTo end: Int) -> Bool {
        let probe = ((end - 1) & ~(pageSize - 1)) + pageSize
        if probe < length { return !CCapdoMapGuard_touch(slot, base + probe) }
        var status = stat()
        return fstat(descriptor, &status) == 0 && Int(status.st_size) >= end && !CCapdoMapGuard_isCut(slot)
    }

    /// The reader is at `position` (at least `nextMark`): drops the pages before it and lets the populating thread go
    /// as many chunks further.
    func passed(_ position: Int) {
        while position >= nextMark {
            ahead.signal()
            nextMark += chunk
        }
        let end = position & ~(pageSize - 1)
        if end > released {
            CCapdoMapGuard_release(base + released, end - released)
            released = end
        }
    }

    /// The file's length now is still the mapped length (it neither grew nor shrank while it was read).
    var endsWhereMapped: Bool {
        var status = stat()
        return fstat(descriptor, &status) == 0 && Int(status.st_size) == length
    }

    /// Stops the populating thread, waits for it, and unmaps the file.
    func finish() {
        stopped.store(true, ordering: .releasing)
        ahead.signal()
        finished.wait()
        CCapdoMapGuard_unregister(slot)
        munmap(UnsafeMutableRawPointer(mutating: base), length)
    }

    /// The populating thread: maps each chunk's pages in turn, never more than `chunksAhead` beyond the reader's.
    private func populate() {
        var offset = 0
        while offset < length {
            ahead.wait()
            if stopped.load(ordering: .acquiring) { break }
            let count = min(chunk, length - offset)
            CCapdoMapGuard_populate(base + offset, count)
            offset += count
        }
        finished.signal()
    }
}
