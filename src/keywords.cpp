#include "keywords.hpp"

#include "bits.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <stdexcept>

#if defined(__linux__)
#include <sys/mman.h>
#endif

PLAINT_BEGIN_NAMESPACE
namespace detail {

namespace {
constexpr std::size_t columns = 256;               // the scan's table: one per byte value
constexpr std::size_t row_bytes = columns * 4 + 8; // then what the state reports, padded

unsigned char fold(unsigned char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + ('a' - 'A')) : c;
}

} // namespace

KeywordMatcher::KeywordMatcher(const std::vector<std::string>& keywords) : count_(keywords.size()) {
    std::vector<std::uint32_t> ids(keywords.size());
    for (std::size_t i = 0; i < ids.size(); ++i)
        ids[i] = static_cast<std::uint32_t>(i);
    forms_.reserve(keywords.size());
    for (const auto& k : keywords)
        forms_.push_back({k});
    build(keywords, ids);
}

KeywordMatcher KeywordMatcher::with_forms(std::vector<std::vector<std::string>> forms) {
    KeywordMatcher m;
    m.count_ = forms.size();
    m.forms_ = std::move(forms);
    std::vector<std::string> patterns;
    std::vector<std::uint32_t> ids;
    for (std::size_t i = 0; i < m.forms_.size(); ++i)
        for (const auto& f : m.forms_[i]) {
            patterns.push_back(f);
            ids.push_back(static_cast<std::uint32_t>(i));
        }
    m.build(patterns, ids);
    return m;
}

std::string_view KeywordMatcher::where(std::size_t i, std::string_view text) const noexcept {
    std::string_view best;
    std::size_t best_at = text.size();
    for (const std::string& f : forms_[i]) {
        if (f.empty() || f.size() > text.size())
            continue;
        for (std::size_t at = 0; at + f.size() <= text.size() && at < best_at; ++at) {
            std::size_t j = 0;
            while (j < f.size() && fold(static_cast<unsigned char>(text[at + j])) ==
                                       fold(static_cast<unsigned char>(f[j])))
                ++j;
            if (j == f.size()) {
                best_at = at;
                best = text.substr(at, f.size());
                break;
            }
        }
    }
    return best;
}

std::size_t KeywordMatcher::memory() const noexcept {
    std::size_t bytes =
        table_.capacity() + (out_begin_.capacity() + out_ids_.capacity() + fail_out_.capacity()) *
                                sizeof(std::uint32_t);
    for (const auto& fs : forms_)
        for (const auto& f : fs)
            bytes += sizeof f + f.capacity();
    return bytes;
}

void advise_huge(void* p, std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    (void)::madvise(p, bytes, MADV_HUGEPAGE); // a hint: without huge pages, the usual ones
#else
    (void)p;
    (void)bytes;
#endif
}

void KeywordMatcher::build(const std::vector<std::string>& keywords,
                           const std::vector<std::uint32_t>& ids) {
    // The trie, sparse: a state's children (by byte, ASCII letters in lower case) in a list
    // ordered by byte; the root's, the busiest, by byte directly. Most states, deep in the
    // keywords' forms, have one child.
    struct Trie {
        std::uint32_t child = 0, sibling = 0; // 0: none (the root is nobody's child)
        unsigned char byte = 0;
    };
    std::size_t most = 1; // at most one state per byte of the patterns
    for (const auto& k : keywords)
        most += k.size();
    std::vector<Trie> trie(1);
    std::vector<std::vector<std::uint32_t>> own(1);
    trie.reserve(most);
    own.reserve(most);
    std::array<std::uint32_t, 256> root{};
    for (std::size_t id = 0; id < keywords.size(); ++id) {
        std::uint32_t s = 0;
        for (char ch : keywords[id]) {
            const unsigned char b = fold(static_cast<unsigned char>(ch));
            std::uint32_t* link = s == 0 ? &root[b] : &trie[s].child;
            if (s != 0)
                while (*link != 0 && trie[*link].byte < b)
                    link = &trie[*link].sibling;
            if (*link == 0 || trie[*link].byte != b) {
                const auto t = static_cast<std::uint32_t>(trie.size());
                trie.push_back({0, s == 0 ? 0 : *link, b});
                own.emplace_back();
                *link = t;
            }
            s = *link;
        }
        if (std::find(own[s].begin(), own[s].end(), ids[id]) == own[s].end())
            own[s].push_back(ids[id]);
    }
    const std::size_t states = trie.size();

    // The scan's table, built breadth first in one pass: a column per byte value (upper-case
    // letters copying lower case), so a step needs no class look-up. A state's row is that of
    // its failure state (complete, for it is shallower) with its own children written over
    // it; a child's failure state is where its byte leads from the failure state's row (the
    // state a row belongs to is written after its report word as soon as it is placed). Rows go in
    // breadth-first order, so that the busy ones sit together in the cache; a state that ends
    // keywords at an odd multiple of 8 bytes, any other at an even one. At most 65,537 states
    // (the keywords' bytes are limited): entries, byte offsets of rows, fit 32 bits.
    constexpr std::size_t report_at = columns * 4, state_at = report_at + 4;
    if (states * (row_bytes + 8) > 0xffffffffu) // beyond what a rule set may hold
        throw std::length_error("keywords: too many bytes for one matcher");
    table_.resize(states * (row_bytes + 8)); // room for the padding; not zeroed
    unsigned char* const table = table_.data();
    const auto entry_at = [table](std::size_t off, std::size_t b) {
        std::uint32_t e;
        std::memcpy(&e, table + off + b * 4, 4);
        return e;
    };
    const auto set_entry = [table](std::size_t off, std::size_t b, std::uint32_t e) {
        std::memcpy(table + off + b * 4, &e, 4);
    };
    std::vector<std::uint32_t> fail(states, 0), offset(states, 0);
    // out_link: the nearest state (self or by failure) with outputs; -1: none.
    std::vector<std::int32_t> out_link(states, -1);
    std::vector<std::uint32_t> order;
    order.reserve(states);
    std::size_t bytes = 0;
    // Places state t (its failure state known): its row's offset, by whether it reports.
    const auto place = [&](std::uint32_t t) {
        out_link[t] = !own[t].empty() ? static_cast<std::int32_t>(t) : out_link[fail[t]];
        if ((bytes / 8 % 2 == 1) != (out_link[t] > 0))
            bytes += 8;
        offset[t] = static_cast<std::uint32_t>(bytes);
        std::memcpy(table + bytes + state_at, &t, 4); // before the row: a child may need it
        bytes += row_bytes;
        order.push_back(t);
    };
    place(0);
    fail_out_.assign(states, 0);
    for (std::size_t i = 0; i < order.size(); ++i) {
        const std::uint32_t s = order[i];
        const std::size_t off = offset[s];
        if (s == 0)
            std::memset(table, 0, report_at); // every byte leads back to the root (offset 0)
        else
            std::memcpy(table + off, table + offset[fail[s]], report_at);
        const auto add_child = [&](std::uint32_t t, unsigned char b) {
            fail[t] = s == 0 ? 0 : [&] {
                std::uint32_t f;
                std::memcpy(&f, table + entry_at(offset[fail[s]], b) + state_at, 4);
                return f;
            }();
            place(t);
            set_entry(off, b, offset[t]);
            if (b >= 'a' && b <= 'z')
                set_entry(off, b - ('a' - 'A'), offset[t]);
        };
        if (s == 0) {
            for (std::size_t b = 0; b < 256; ++b)
                if (root[b] != 0)
                    add_child(root[b], static_cast<unsigned char>(b));
        } else {
            for (std::uint32_t t = trie[s].child; t != 0; t = trie[t].sibling)
                add_child(t, trie[t].byte);
        }
        if (s > 0)
            fail_out_[s] = static_cast<std::uint32_t>(std::max(out_link[fail[s]], 0));
        // What the state reports: the one keyword it ends, or the state to walk from.
        std::uint32_t what = 0;
        if (const std::int32_t o = out_link[s]; o > 0) {
            const auto ou = static_cast<std::size_t>(o);
            what = own[ou].size() == 1 && fail_out_[ou] == 0 ? own[ou][0] | 0x80000000u
                                                             : static_cast<std::uint32_t>(o);
        }
        std::memcpy(table + off + report_at, &what, 4);
    }
    // Outputs as a flat list; a state's outputs continue along its failure chain.
    out_begin_.assign(states + 1, 0);
    for (std::size_t s = 0; s < states; ++s) {
        out_begin_[s] = static_cast<std::uint32_t>(out_ids_.size());
        out_ids_.insert(out_ids_.end(), own[s].begin(), own[s].end());
    }
    out_begin_[states] = static_cast<std::uint32_t>(out_ids_.size());
}

void KeywordMatcher::report(std::uint32_t entry, std::uint64_t* found) const noexcept {
    std::uint32_t what;
    std::memcpy(&what, table_.data() + std::size_t(entry) + columns * 4, 4);
    if (what & 0x80000000u) { // the common case: the state ends just one keyword
        what &= 0x7fffffffu;
        found[what >> 6] |= std::uint64_t(1) << (what & 63);
        return;
    }
    for (std::uint32_t o = what; o > 0; o = fail_out_[o])
        for (std::uint32_t i = out_begin_[o]; i < out_begin_[o + 1]; ++i)
            found[out_ids_[i] >> 6] |= std::uint64_t(1) << (out_ids_[i] & 63);
}

void KeywordMatcher::scan_from(std::uint32_t entry, const unsigned char* p,
                               const unsigned char* end, std::uint64_t* found) const noexcept {
    const unsigned char* table = table_.data();
    for (; p != end; ++p) {
        std::memcpy(&entry, table + (std::size_t(entry) + *p * sizeof entry), sizeof entry);
        if (entry & 8) // rare: this state ends one or more keywords
            report(entry, found);
    }
}

void KeywordMatcher::scan(std::string_view text, std::uint64_t* found) const noexcept {
    if (count_ == 0)
        return;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    scan_from(0, p, p + text.size(), found);
}

void KeywordMatcher::scan_many(const std::string_view* texts, std::size_t n, std::uint64_t* found,
                               std::size_t stride) const noexcept {
    if (count_ == 0)
        return;
    // Five lanes, each walking its own text; a lane whose text ends takes the next one, so the
    // five run side by side until the batch's last texts, which finish alone. Their chains of
    // table look-ups are independent, so the CPU overlaps them (five states and five pointers
    // still fit the registers; six did not, and ran slower, as did three and four).
    constexpr std::size_t lanes = 5, ahead = 4 * lanes;
    // Texts live apart in memory: the bytes of one a few turns ahead are asked for early, so
    // that they are in the cache by the time a lane reads them.
    const auto prefetch_text = [](std::string_view t) {
        for (std::size_t at = 0; at < std::min<std::size_t>(t.size(), 256); at += 64)
            prefetch(t.data() + at);
    };
    for (std::size_t i = 0; i < std::min(n, ahead); ++i)
        prefetch_text(texts[i]);
    const unsigned char* const table = table_.data();
    const auto next_of = [table](std::uint32_t entry, unsigned char byte) {
        std::uint32_t next;
        std::memcpy(&next, table + (std::size_t(entry) + byte * sizeof next), sizeof next);
        return next;
    };
    const unsigned char* p[lanes];
    std::size_t left[lanes], text[lanes];
    std::uint32_t state[lanes];
    std::size_t next = 0;
    // Gives lane i the next text that has bytes; false when there is none.
    const auto take = [&](std::size_t i) {
        for (; next < n; ++next) {
            if (next + ahead < n)
                prefetch_text(texts[next + ahead]);
            if (!texts[next].empty()) {
                p[i] = reinterpret_cast<const unsigned char*>(texts[next].data());
                left[i] = texts[next].size();
                text[i] = next++;
                state[i] = 0;
                return true;
            }
        }
        return false;
    };
    std::size_t busy = 0;
    while (busy < lanes && take(busy))
        ++busy;
    while (busy == lanes) {
        const std::size_t common = *std::min_element(left, left + lanes);
        const unsigned char* const p0 = p[0];
        const unsigned char* const p1 = p[1];
        const unsigned char* const p2 = p[2];
        const unsigned char* const p3 = p[3];
        const unsigned char* const p4 = p[4];
        std::uint32_t r0 = state[0], r1 = state[1], r2 = state[2], r3 = state[3], r4 = state[4];
        // The inner loop makes no call, so the states stay in registers; a step that ends
        // keywords in some lane (rare) leaves it to report them.
        for (std::size_t k = 0; k < common;) {
            bool flagged = false;
            for (; k < common; ++k) {
                r0 = next_of(r0, p0[k]);
                r1 = next_of(r1, p1[k]);
                r2 = next_of(r2, p2[k]);
                r3 = next_of(r3, p3[k]);
                r4 = next_of(r4, p4[k]);
                if ((r0 | r1 | r2 | r3 | r4) & 8) {
                    flagged = true;
                    ++k;
                    break;
                }
            }
            if (flagged) { // usually one lane: its index is read off, not branched on
                const std::uint32_t r[lanes] = {r0, r1, r2, r3, r4};
                for (std::uint64_t which = (r0 >> 3 & 1) | (r1 >> 3 & 1) << 1 | (r2 >> 3 & 1) << 2 |
                                           (r3 >> 3 & 1) << 3 | (r4 >> 3 & 1) << 4;
                     which; which &= which - 1) {
                    const auto i = static_cast<std::size_t>(lowest_bit(which));
                    report(r[i], found + text[i] * stride);
                }
            }
        }
        state[0] = r0;
        state[1] = r1;
        state[2] = r2;
        state[3] = r3;
        state[4] = r4;
        // Lanes at the end of their text take the next; without one, the others finish alone.
        for (std::size_t i = 0; i < lanes; ++i) {
            p[i] += common;
            left[i] -= common;
        }
        for (std::size_t i = 0; i < busy;)
            if (left[i] == 0 && !take(i)) {
                --busy;
                p[i] = p[busy];
                left[i] = left[busy];
                text[i] = text[busy];
                state[i] = state[busy];
            } else {
                ++i;
            }
    }
    for (std::size_t i = 0; i < busy; ++i)
        scan_from(state[i], p[i], p[i] + left[i], found + text[i] * stride);
}

} // namespace detail
PLAINT_END_NAMESPACE
