#define _GNU_SOURCE
#include "CCapdoMapGuard.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22
#endif

enum { slotCount = 64 };

// A slot is free when its start is 0. Start and end are published with release stores after `cut` is cleared.
static _Atomic uintptr_t starts[slotCount];
static _Atomic uintptr_t ends[slotCount];
static atomic_bool cuts[slotCount];
static pthread_mutex_t slotsLock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t installOnce = PTHREAD_ONCE_INIT;
static bool installed;
static struct sigaction previous;
static size_t pageSize = 4096;

static void onBus(int signal, siginfo_t *info, void *context) {
    uintptr_t address = (uintptr_t)info->si_addr;
    for (int slot = 0; slot < slotCount; slot++) {
        uintptr_t start = atomic_load_explicit(&starts[slot], memory_order_acquire);
        uintptr_t end = atomic_load_explicit(&ends[slot], memory_order_acquire);
        if (start == 0 || address < start || address >= end) continue;
        int saved = errno;
        uintptr_t page = address & ~(uintptr_t)(pageSize - 1);
        void *zeros = mmap((void *)page, end - page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        errno = saved;
        if (zeros == MAP_FAILED) break;
        atomic_store_explicit(&cuts[slot], true, memory_order_relaxed);
        return;
    }
    if (previous.sa_flags & SA_SIGINFO) {
        previous.sa_sigaction(signal, info, context);
        return;
    }
    if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
        previous.sa_handler(signal);
        return;
    }
    // Not ours: the default action. Returning re-runs the faulting access, which now kills the process; a SIGBUS
    // sent by another process is raised again.
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigaction(SIGBUS, &fallback, NULL);
    if (info->si_code <= 0) raise(SIGBUS);
}

static void install(void) {
    long size = sysconf(_SC_PAGESIZE);
    if (size > 0) pageSize = (size_t)size;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = onBus;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    installed = sigaction(SIGBUS, &action, &previous) == 0;
}

int CCapdoMapGuard_register(const void *base, size_t length) {
    pthread_once(&installOnce, install);
    if (!installed || base == NULL || length == 0) return -1;
    int found = -1;
    pthread_mutex_lock(&slotsLock);
    for (int slot = 0; slot < slotCount; slot++) {
        if (atomic_load_explicit(&starts[slot], memory_order_relaxed) != 0) continue;
        atomic_store_explicit(&cuts[slot], false, memory_order_relaxed);
        atomic_store_explicit(&ends[slot], (uintptr_t)base + length, memory_order_release);
        atomic_store_explicit(&starts[slot], (uintptr_t)base, memory_order_release);
        found = slot;
        break;
    }
    pthread_mutex_unlock(&slotsLock);
    return found;
}

void CCapdoMapGuard_unregister(int slot) {
    if (slot < 0 || slot >= slotCount) return;
    pthread_mutex_lock(&slotsLock);
    atomic_store_explicit(&starts[slot], 0, memory_order_release);
    atomic_store_explicit(&ends[slot], 0, memory_order_release);
    pthread_mutex_unlock(&slotsLock);
}

bool CCapdoMapGuard_touch(int slot, const void *probe) {
    (void)*(const volatile unsigned char *)probe;
    return atomic_load_explicit(&cuts[slot], memory_order_relaxed);
}

bool CCapdoMapGuard_isCut(int slot) { return atomic_load_explicit(&cuts[slot], memory_order_relaxed); }

size_t CCapdoMapGuard_pageSize(void) {
    pthread_once(&installOnce, install);
    return pageSize;
}

void CCapdoMapGuard_populate(const void *address, size_t length) {
    if (madvise((void *)address, length, MADV_POPULATE_READ) != 0 && errno == EINVAL) {
        madvise((void *)address, length, MADV_WILLNEED);
    }
}

void CCapdoMapGuard_release(const void *address, size_t length) {
    madvise((void *)address, length, MADV_DONTNEED);
}
