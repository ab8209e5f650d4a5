#include "keywords.hpp"

#include "bits.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
#include <stdexcept>

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

void KeywordMatcher::build(const std::vector<std::string>& keywords,
                           const std::vector<std::uint32_t>& ids) {
    // Byte classes while the automaton is built: every byte that occurs in a keyword gets its
    // own class, all others share class 0. Upper-case letters share their lower case's class.
    std::array<bool, 256> used{};
    for (const auto& k : keywords)
        for (char ch : k)
            used[fold(static_cast<unsigned char>(ch))] = true;
    std::array<std::size_t, 256> class_of{};
    std::size_t classes = 1;
    for (std::size_t c = 0; c < 256; ++c)
        class_of[c] = used[c] ? classes++ : 0;
    for (std::size_t c = 'A'; c <= 'Z'; ++c)
        class_of[c] = class_of[c + 32];

    // The trie, with -1 for missing edges.
    std::vector<std::vector<std::uint32_t>> own(1);
    std::vector<std::int32_t> next(classes, -1);
    // At most one state per byte of the patterns: room for them all up front, so that the
    // transitions (tens of megabytes with many forms) are never moved while they grow.
    std::size_t most = 1;
    for (const auto& k : keywords)
        most += k.size();
    own.reserve(most);
    next.reserve(most * classes);
    for (std::size_t id = 0; id < keywords.size(); ++id) {
        std::size_t s = 0;
        for (char ch : keywords[id]) {
            const std::size_t slot = s * classes + class_of[static_cast<unsigned char>(ch)];
            if (next[slot] < 0) {
                next[slot] = static_cast<std::int32_t>(own.size());
                own.emplace_back();
                next.resize(next.size() + classes, -1);
            }
            s = static_cast<std::size_t>(next[slot]);
        }
        if (std::find(own[s].begin(), own[s].end(), ids[id]) == own[s].end())
            own[s].push_back(ids[id]);
    }
    const std::size_t states = own.size();
    // Breadth first: failure links, then full transitions (a DFA), and output links.
    std::vector<std::size_t> fail(states, 0);
    std::vector<std::int32_t> out_link(states,
                                       -1); // nearest state (self or by failure) with outputs
    std::deque<std::size_t> queue;
    std::vector<std::size_t> order{0}; // breadth first: shallow states, the busy ones, first
    for (std::size_t c = 0; c < classes; ++c) {
        std::int32_t& t = next[c];
        if (t < 0) {
            t = 0;
        } else {
            queue.push_back(static_cast<std::size_t>(t));
            order.push_back(static_cast<std::size_t>(t));
        }
    }
    while (!queue.empty()) {
        const std::size_t s = queue.front();
        queue.pop_front();
        const std::size_t f = fail[s];
        out_link[s] = !own[s].empty() ? static_cast<std::int32_t>(s) : out_link[f];
        for (std::size_t c = 0; c < classes; ++c) {
            std::int32_t& t = next[s * classes + c];
            const std::int32_t via_fail = next[f * classes + c];
            if (t < 0) {
                t = via_fail;
            } else {
                fail[static_cast<std::size_t>(t)] = static_cast<std::size_t>(via_fail);
                queue.push_back(static_cast<std::size_t>(t));
                order.push_back(static_cast<std::size_t>(t));
            }
        }
    }
    // Outputs as a flat list; a state's outputs continue along its failure chain.
    out_begin_.assign(states + 1, 0);
    fail_out_.assign(states, 0);
    for (std::size_t s = 0; s < states; ++s) {
        out_begin_[s] = static_cast<std::uint32_t>(out_ids_.size());
        out_ids_.insert(out_ids_.end(), own[s].begin(), own[s].end());
        if (s > 0)
            fail_out_[s] = static_cast<std::uint32_t>(std::max(out_link[fail[s]], 0));
    }
    out_begin_[states] = static_cast<std::uint32_t>(out_ids_.size());

    // The scan's table has a column per byte value (upper-case letters copying lower case), so
    // a step needs no class look-up. Its rows go in breadth-first order, so that the busy ones
    // sit together in the cache; a state that ends keywords at an odd multiple of 8 bytes, any
    // other at an even one. At most 65,537 states (the keywords' bytes are limited): entries,
    // byte offsets of rows, fit 32 bits.
    std::vector<std::size_t> offset(states);
    std::size_t bytes = 0;
    for (const std::size_t s : order) {
        if ((bytes / 8 % 2 == 1) != (out_link[s] > 0))
            bytes += 8;
        offset[s] = bytes;
        bytes += row_bytes;
    }
    if (bytes > 0xffffffffu) // beyond what a rule set may hold
        throw std::length_error("keywords: too many bytes for one matcher");
    table_.assign(bytes, 0);
    std::vector<std::uint32_t> by_class(classes);
    for (std::size_t s = 0; s < states; ++s) {
        unsigned char* const row = table_.data() + offset[s];
        for (std::size_t c = 0; c < classes; ++c)
            by_class[c] =
                static_cast<std::uint32_t>(offset[static_cast<std::size_t>(next[s * classes + c])]);
        for (std::size_t b = 0; b < columns; ++b)
            std::memcpy(row + b * 4, &by_class[class_of[b]], 4);
        // What the state reports: the one keyword it ends, or the state to walk from.
        std::uint32_t what = 0;
        if (const std::int32_t o = out_link[s]; o > 0) {
            const auto ou = static_cast<std::size_t>(o);
            what = own[ou].size() == 1 && fail_out_[ou] == 0 ? own[ou][0] | 0x80000000u
                                                             : static_cast<std::uint32_t>(o);
        }
        std::memcpy(row + columns * 4, &what, 4);
    }
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
