// Shared by the fuzz targets (tests/fuzz/fuzz_*.cpp): the libFuzzer entry point's declaration
// and the check a target makes of an invariant (a failed one aborts, so libFuzzer, or the
// replay test, reports the input).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace plaint_fuzz {

[[noreturn]] inline void fail(const char* file, int line, const char* what) {
    std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", file, line, what);
    std::abort();
}

inline std::string_view text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

} // namespace plaint_fuzz

#define PLAINT_FUZZ_CHECK(cond)                                                                    \
    do {                                                                                           \
        if (!(cond))                                                                               \
            ::plaint_fuzz::fail(__FILE__, __LINE__, #cond);                                        \
    } while (0)
