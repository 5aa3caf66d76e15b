#pragma once
#include <stdint.h>

/* Hardware CRC32C and prefetch for the SWX engine. The builtins need no header and
 * inline into Swift when the Swift target is built with -Xcc -msse4.2. */
#if defined(__SSE4_2__)
static inline uint32_t p4rt_crc32c_u64(uint32_t c, uint64_t v) { return (uint32_t)__builtin_ia32_crc32di(c, v); }
static inline uint32_t p4rt_crc32c_u32(uint32_t c, uint32_t v) { return __builtin_ia32_crc32si(c, v); }
static inline uint32_t p4rt_crc32c_u16(uint32_t c, uint16_t v) { return __builtin_ia32_crc32hi(c, v); }
static inline uint32_t p4rt_crc32c_u8(uint32_t c, uint8_t v) { return __builtin_ia32_crc32qi(c, v); }
#define P4RT_HAVE_HW_CRC32C 1
static inline int p4rt_have_hw_crc32c(void) { return 1; }
#else
static inline int p4rt_have_hw_crc32c(void) { return 0; }
#endif
static inline void p4rt_prefetch(const void *p) { __builtin_prefetch(p, 0, 3); }
