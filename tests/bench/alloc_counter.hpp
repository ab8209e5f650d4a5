// Counts the bytes the program holds through operator new, for the benchmarks that report
// memory: `live_bytes` now, `peak_bytes` the most since `reset_peak()`, `total_bytes` all ever
// asked for (a path that reallocates too often asks for far more than it ever holds). Include it in
// exactly one file of a benchmark program: it replaces the global operator new and delete.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>

namespace alloc_counter {

inline std::atomic<std::size_t> live_bytes{0};
inline std::atomic<std::size_t> peak_bytes{0};
inline std::atomic<std::size_t> total_bytes{0};
constexpr std::size_t header = 16; // keeps the block's alignment at 16

inline void reset_peak() {
    peak_bytes.store(live_bytes.load());
}

inline void* allocate(std::size_t n) {
    void* p = std::malloc(n + header);
    if (p == nullptr)
        throw std::bad_alloc();
    std::memcpy(p, &n, sizeof n);
    total_bytes.fetch_add(n);
    const std::size_t now = live_bytes.fetch_add(n) + n;
    std::size_t peak = peak_bytes.load();
    while (now > peak && !peak_bytes.compare_exchange_weak(peak, now)) {
    }
    return static_cast<char*>(p) + header;
}

inline void release(void* p) noexcept {
    if (p == nullptr)
        return;
    char* block = static_cast<char*>(p) - header;
    std::size_t n;
    std::memcpy(&n, block, sizeof n);
    live_bytes.fetch_sub(n);
    std::free(block);
}

} // namespace alloc_counter

void* operator new(std::size_t n) {
    return alloc_counter::allocate(n);
}
void* operator new[](std::size_t n) {
    return alloc_counter::allocate(n);
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    try {
        return alloc_counter::allocate(n);
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
    try {
        return alloc_counter::allocate(n);
    } catch (...) {
        return nullptr;
    }
}
void operator delete(void* p) noexcept {
    alloc_counter::release(p);
}
void operator delete[](void* p) noexcept {
    alloc_counter::release(p);
}
void operator delete(void* p, std::size_t) noexcept {
    alloc_counter::release(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    alloc_counter::release(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
    alloc_counter::release(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
    alloc_counter::release(p);
}
