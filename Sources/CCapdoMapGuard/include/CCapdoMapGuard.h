#ifndef CCAPDO_MAP_GUARD_H
#define CCAPDO_MAP_GUARD_H
#include <stdbool.h>
#include <stddef.h>

// Read-only file mappings that survive the file shrinking under them.
//
// Touching a mapped page past a file's new end raises SIGBUS, which would kill the process. A range registered here
// is guarded instead: the SIGBUS handler maps zero pages over the range from the faulting page to its end and marks
// the range as cut, and the access that faulted reads zeros. The reader asks `CCapdoMapGuard_touch` before trusting
// a record, and stops at the first one the cut reached.
//
// A SIGBUS outside every guarded range goes to the handler installed before (or to the default action: the process
// dies with SIGBUS as it would have).

// Registers [base, base + length) (base page-aligned, the whole mapping); -1 when the handler cannot be installed or
// all 64 slots are taken.
int CCapdoMapGuard_register(const void *base, size_t length);

// Forgets a slot (before the range is unmapped).
void CCapdoMapGuard_unregister(int slot);

// Reads the byte at `probe`, then tells whether the slot's range has been cut. A file loses a suffix when it shrinks,
// and the bytes past its new end in its last page read as zeros without a fault: to learn whether a record is whole,
// probe the first byte of the page after the record's last byte.
bool CCapdoMapGuard_touch(int slot, const void *probe);

// Whether the slot's range has been cut.
bool CCapdoMapGuard_isCut(int slot);

// The page size the handler works in.
size_t CCapdoMapGuard_pageSize(void);

// madvise(MADV_POPULATE_READ), falling back to MADV_WILLNEED on kernels before 5.14: maps the range's pages now, so
// the reader does not stop on page faults. Errors are ignored: the reader faults the pages itself.
void CCapdoMapGuard_populate(const void *address, size_t length);

// madvise(MADV_DONTNEED): drops the range's pages from this process (the file's pages stay in the page cache).
void CCapdoMapGuard_release(const void *address, size_t length);
#endif
