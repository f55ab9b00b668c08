#ifndef CPCAP_SHIM_H
#define CPCAP_SHIM_H
// System-library shim: Swift imports libpcap through this header only (CapdoNet, `internal import CPcap`).
#include <pcap/pcap.h>

// A hint to fetch the cache line at `address` (Swift has no prefetch of its own): the fast capture reader asks for
// the next record's header while the analysis looks at the current one, the header having been written by the
// reading thread on another core.
static inline void CPcap_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }
#endif
