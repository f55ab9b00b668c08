#ifndef CPCAP_SHIM_H
#define CPCAP_SHIM_H
// System-library shim: Swift imports libpcap through this header only (CapdoNet, `internal import CPcap`).
#include <pcap/pcap.h>
#endif
