#ifndef CCOMPRESSION_SHIM_H
#define CCOMPRESSION_SHIM_H
// System-library shim: Swift imports zlib, liblzma and liblz4 through this header only
// (CapdoCompression, `internal import CCompression`).
#include <zlib.h>
#include <lzma.h>
#include <lz4frame.h>
#endif
