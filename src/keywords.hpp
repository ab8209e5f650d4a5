// Many keywords found in one pass over a text (Aho-Corasick over bytes, ASCII letters folded to
// lower case, so Latin keywords match in any case and Chinese ones byte for byte). Internal.
#pragma once

#include "plaint/config.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

PLAINT_BEGIN_NAMESPACE
namespace detail {

class KeywordMatcher {
public:
    // Builds the automaton; keyword i reports id i. Empty keywords are not allowed.
    explicit KeywordMatcher(const std::vector<std::string>& keywords);
    KeywordMatcher() = default;

    std::size_t size() const noexcept { return count_; }
    // Sets bit i of `found` (which must hold size() bits) for every keyword i in `text`.
    void scan(std::string_view text, std::uint64_t* found) const noexcept;
    // The same for n texts: text i sets bits in found + i * stride (words). The texts are
    // walked side by side, so the table look-ups of different texts overlap in the CPU.
    void scan_many(const std::string_view* texts, std::size_t n, std::uint64_t* found,
                   std::size_t stride) const noexcept;

private:
    // Continues a scan in state row (row = state * classes_) over [p, end).
    void scan_from(std::uint32_t row, const unsigned char* p, const unsigned char* end,
                   std::uint64_t* found) const noexcept;
    void report(std::uint32_t row, std::uint64_t* found) const noexcept;

    std::size_t count_ = 0;
    std::uint32_t classes_ = 1;
    std::array<std::uint8_t, 256> class_of_{};
    std::vector<std::int32_t> next_;       // state * classes_ + class -> state
    std::vector<std::int32_t> out_link_;   // nearest state (self or by failure) with outputs
    std::vector<std::uint32_t> out_begin_; // own outputs of each state: [begin, begin+1)
    std::vector<std::uint32_t> out_ids_;
    std::vector<std::int32_t> fail_out_; // next state with outputs along the failure chain
    // The scan's table: entry [row + class] holds the next state's row (state * classes_), with
    // bit 31 set when that state reports keywords: one dependent load per byte.
    std::vector<std::uint32_t> step_;
};

} // namespace detail
PLAINT_END_NAMESPACE
