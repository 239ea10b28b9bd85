#ifndef KIEUMAU_CZLIB_SHIM_H
#define KIEUMAU_CZLIB_SHIM_H
#include <zlib.h>

// inflateInit2 and deflateInit2 are macros (they pass zlib's version and the size of z_stream),
// which Swift cannot import. Negative window bits: raw deflate data, as a zip entry holds it.
static inline int kieumau_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}

static inline int kieumau_deflate_init_raw(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
}

#endif
