// Many keywords found in one pass over a text (Aho-Corasick over bytes, ASCII letters folded to
// lower case, so Latin keywords match in any case and Chinese ones byte for byte). Internal.
#pragma once

#include "plaint/config.hpp"

#include <cstdint>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

PLAINT_BEGIN_NAMESPACE
namespace detail {

// Asks for huge pages over [p, p + bytes) (p aligned to 2 MiB); nothing where there are none.
void advise_huge(void* p, std::size_t bytes) noexcept;

// Storage aligned to a cache line, through the aligned operator new. (For the scan table this
// also changed the allocation path: through plain malloc, a table of tens of megabytes, as a
// 10,000-row rule set has, was mapped afresh and paid its page faults on every compile.)
// Blocks of 2 MiB and more are aligned to 2 MiB and asked of the kernel in huge pages (Linux's
// transparent huge pages, where they are on "madvise"): a 44 MB table then takes some twenty
// page faults to fill rather than eleven thousand. Elements are default-initialised: resize()
// leaves bytes as they were, for the matcher writes every byte it reads.
template <class T>
struct LineAligned {
    using value_type = T;
    static constexpr std::align_val_t align{64};
    static constexpr std::size_t huge = std::size_t(2) << 20;
    LineAligned() = default;
    template <class U>
    LineAligned(const LineAligned<U>&) noexcept {}
    T* allocate(std::size_t n) {
        const std::size_t bytes = n * sizeof(T);
        if (bytes < huge)
            return static_cast<T*>(::operator new(bytes, align));
        void* p = ::operator new (bytes, std::align_val_t{huge});
        advise_huge(p, bytes);
        return static_cast<T*>(p);
    }
    // The unsized form: the sized aligned delete is only declared under -fsized-deallocation
    // with clang.
    void deallocate(T* p, std::size_t n) noexcept {
        if (n * sizeof(T) < huge)
            ::operator delete(p, align);
        else
            ::operator delete (p, std::align_val_t{huge});
    }
    template <class U>
    void construct(U* p) noexcept {
        ::new (static_cast<void*>(p)) U;
    }
    template <class U, class... Args>
    void construct(U* p, Args&&... args) {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
    template <class U>
    bool operator==(const LineAligned<U>&) const noexcept {
        return true;
    }
    template <class U>
    bool operator!=(const LineAligned<U>&) const noexcept {
        return false;
    }
};

class KeywordMatcher {
public:
    // Builds the automaton; keyword i reports id i. Empty keywords are not allowed.
    explicit KeywordMatcher(const std::vector<std::string>& keywords);
    // Keyword i is found wherever one of its forms, forms[i] (none empty; src/fold.hpp makes
    // them), is: each form is a pattern reporting i.
    static KeywordMatcher with_forms(std::vector<std::vector<std::string>> forms);
    KeywordMatcher() = default;

    std::size_t size() const noexcept { return count_; }
    // The forms of keyword i.
    const std::vector<std::string>& forms(std::size_t i) const { return forms_[i]; }
    // The bytes of `text` where keyword i first occurs, in one of its forms (ASCII letters in
    // any case); a null view when it does not. A plain search, for explanations.
    std::string_view where(std::size_t i, std::string_view text) const noexcept;
    // The bytes the matcher holds (its table, outputs and forms).
    std::size_t memory() const noexcept;
    // Sets bit i of `found` (which must hold size() bits) for every keyword i in `text`.
    void scan(std::string_view text, std::uint64_t* found) const noexcept;
    // The same for n texts: text i sets bits in found + i * stride (words). Texts are walked
    // five side by side, so the table look-ups of different texts overlap in the CPU.
    void scan_many(const std::string_view* texts, std::size_t n, std::uint64_t* found,
                   std::size_t stride) const noexcept;

private:
    // Goes on from the state whose entry is `entry` over [p, end).
    void scan_from(std::uint32_t entry, const unsigned char* p, const unsigned char* end,
                   std::uint64_t* found) const noexcept;
    // Sets the bits of the keywords that end on entering the state whose entry is `entry`.
    void report(std::uint32_t entry, std::uint64_t* found) const noexcept;

    void build(const std::vector<std::string>& patterns, const std::vector<std::uint32_t>& ids);

    std::size_t count_ = 0;
    std::vector<std::vector<std::string>> forms_;
    // The scan's table: one row per state, a column per byte value. An entry (4 bytes) is the
    // next state's row as a byte offset, so that a step is one load; rows of states that end
    // keywords lie at odd multiples of 8 bytes and the others at even ones, so bit 3 of an
    // entry says "report". The 4 bytes after the columns say what the state reports: the one
    // keyword it ends (bit 31 set), or the state to walk the outputs from (below).
    std::vector<unsigned char, LineAligned<unsigned char>> table_;
    // Outputs, by state: its own keywords out_ids_[out_begin_[s] .. out_begin_[s + 1]), then
    // those of fail_out_[s], the next state with outputs along its failure links (0: none).
    std::vector<std::uint32_t> out_begin_, out_ids_, fail_out_;
};

} // namespace detail
PLAINT_END_NAMESPACE
