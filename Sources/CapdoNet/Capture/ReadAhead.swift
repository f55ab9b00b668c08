import Foundation
import Synchronization

/// Reads a file from an offset to its end with `pread` on a thread of its own, into a small ring of blocks, while
/// the caller works through the blocks read before: the kernel's copy of the file, about as long as the analysis
/// of what it copies, then runs beside it on another core. Memory stays the ring.
///
/// The caller takes the blocks in file order with `next()` (which gives the block taken before back to the ring)
/// and must call `finish()` before the descriptor is used by anything else.
final class ReadAhead: @unchecked Sendable {  // the ring's slots are handed over by the semaphores
    /// One block of the file: `count` bytes at `bytes`, valid until the next call to `next()`.
    struct Block {
        let bytes: UnsafeMutableRawPointer
        let count: Int
        /// The file ended (or could not be read further) after this block.
        let isLast: Bool
    }

    private let descriptor: Int32
    private let blockSize: Int
    private let slots: Int
    private let storage: UnsafeMutableRawPointer
    private let counts: UnsafeMutablePointer<Int>
    private let ends: UnsafeMutablePointer<Bool>
    /// Blocks read and not yet taken.
    private let filled = DispatchSemaphore(value: 0)
    /// Slots the reading thread may fill.
    private let free = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let stopped = Atomic<Bool>(false)
    /// The caller's side: the next slot to take, whether it holds one, whether it took the last.
    private var taken = 0
    private var holding = false
    private var sawLast = false

    init(descriptor: Int32, from offset: Int, blockSize: Int = 1 << 20, slots: Int = 4) {
        self.descriptor = descriptor
        self.blockSize = blockSize
        self.slots = slots
        storage = .allocate(byteCount: blockSize * slots, alignment: 16)
        counts = .allocate(capacity: slots)
        counts.initialize(repeating: 0, count: slots)
        ends = .allocate(capacity: slots)
        ends.initialize(repeating: false, count: slots)
        // Signalled rather than created with a value: libdispatch traps when a semaphore is freed below the value
        // it was created with.
        for _ in 0..<slots { free.signal() }
        let thread = Thread { [self] in produce(from: offset) }
        thread.start()
    }

    deinit {
        storage.deallocate()
        counts.deallocate()
        ends.deallocate()
    }

    /// The next block in file order, or nil after the last one.
    func next() -> Block? {
        if holding {
            holding = false
            free.signal()
        }
        guard !sawLast else { return nil }
        filled.wait()
        let slot = taken
        taken = (taken + 1) % slots
        holding = true
        sawLast = ends[slot]
        return Block(bytes: storage + slot * blockSize, count: counts[slot], isLast: ends[slot])
    }

    /// Stops the reading thread and waits until it has stopped.
    func finish() {
        stopped.store(true, ordering: .releasing)
        free.signal()
        finished.wait()
    }

    /// The reading thread: fills free slots in turn until the file ends, a read fails, or `finish()`.
    private func produce(from start: Int) {
        var offset = start
        var slot = 0
        while true {
            free.wait()
            if stopped.load(ordering: .acquiring) { break }
            let block = storage + slot * blockSize
            var count = 0
            var ended = false
            while count < blockSize {
                let got = pread(descriptor, block + count, blockSize - count, off_t(offset + count))
                if got > 0 {
                    count += got
                } else if got < 0 && errno == EINTR {
                    continue
                } else {
                    ended = true
                    break
                }
            }
            counts[slot] = count
            ends[slot] = ended
            offset += count
            filled.signal()
            if ended { break }
            slot = (slot + 1) % slots
        }
        finished.signal()
    }
}
