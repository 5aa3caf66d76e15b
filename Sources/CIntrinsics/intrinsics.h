#pragma once
#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>

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

/* Big-table memory: an anonymous private mapping (zero-filled, backed lazily by the kernel) whose start is
 * aligned to 2 MiB, advised MADV_HUGEPAGE so transparent huge pages back it where the kernel allows (THP
 * "always" or "madvise"). `reserve_only` maps with MAP_NORESERVE: address space for memory that may never be
 * touched. Returns NULL on failure; `*huge` tells whether the advice was accepted. Free with p4rt_unmap(p, size). */
#define P4RT_HUGE_PAGE_SIZE ((size_t)2 << 20)
static inline void *p4rt_map_zeroed(size_t size, int want_huge, int reserve_only, int *huge) {
    *huge = 0;
    if (size == 0) return NULL;
    int flags = MAP_PRIVATE | MAP_ANONYMOUS | (reserve_only ? MAP_NORESERVE : 0);
    if (!want_huge) {
        void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, flags, -1, 0);
        return p == MAP_FAILED ? NULL : p;
    }
    size_t span = size + P4RT_HUGE_PAGE_SIZE;
    char *raw = (char *)mmap(NULL, span, PROT_READ | PROT_WRITE, flags, -1, 0);
    if (raw == (char *)MAP_FAILED) return NULL;
    uintptr_t start = ((uintptr_t)raw + P4RT_HUGE_PAGE_SIZE - 1) & ~(uintptr_t)(P4RT_HUGE_PAGE_SIZE - 1);
    size_t head = (size_t)(start - (uintptr_t)raw);
    size_t tail = span - head - size;
    if (head) munmap(raw, head);
    if (tail) munmap((char *)start + size, tail);
#ifdef MADV_HUGEPAGE
    *huge = madvise((void *)start, size, MADV_HUGEPAGE) == 0;
#endif
    return (void *)start;
}
static inline void p4rt_unmap(void *p, size_t size) { if (p && size) munmap(p, size); }

/* Small copies and loads of the packet path with no library call: fixed-size __builtin_memcpy compiles to plain
 * moves, where Swift's variable-size copyMemory calls memmove and its small unaligned loads are not always inlined
 * into the executor. Both touch exactly `n` bytes (little-endian host). */

/* The value of the `n` (< 8) bytes at `p` as a little-endian number, zero-extended. */
static inline uint64_t p4rt_load_tail(const void *p, long n) {
    const unsigned char *b = (const unsigned char *)p;
    uint64_t w = 0;
    long i = 0;
    if (n & 4) { uint32_t v; __builtin_memcpy(&v, b, 4); w = v; i = 4; }
    if (n & 2) { uint16_t v; __builtin_memcpy(&v, b + i, 2); w |= (uint64_t)v << (8 * i); i += 2; }
    if (n & 1) { w |= (uint64_t)b[i] << (8 * i); }
    return w;
}

/* Copies `n` bytes from `s` to `d` (non-overlapping): words, then a 4-, 2- and 1-byte tail. For action data. */
static inline void p4rt_copy_small(void *d, const void *s, long n) {
    unsigned char *o = (unsigned char *)d;
    const unsigned char *i = (const unsigned char *)s;
    for (; n >= 8; n -= 8, o += 8, i += 8) __builtin_memcpy(o, i, 8);
    if (n & 4) { __builtin_memcpy(o, i, 4); o += 4; i += 4; }
    if (n & 2) { __builtin_memcpy(o, i, 2); o += 2; i += 2; }
    if (n & 1) *o = *i;
}
