// Bit and cache helpers for the hot loops; internal.
#pragma once

#include "plaint/config.hpp"

#include <cstdint>

PLAINT_BEGIN_NAMESPACE
namespace detail {

// The index of the lowest set bit of b, which must not be 0.
inline int lowest_bit(std::uint64_t b) noexcept {
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_ctzll(b);
#else
    int i = 0;
    while (!((b >> i) & 1))
        ++i;
    return i;
#endif
}

// Asks for the cache line holding p to be loaded, without waiting for it (a hint only).
inline void prefetch(const void* p) noexcept {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(p);
#else
    (void)p;
#endif
}

} // namespace detail
PLAINT_END_NAMESPACE
