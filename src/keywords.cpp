#include "keywords.hpp"

#include "bits.hpp"

#include <algorithm>
#include <cstring>
#include <deque>

PLAINT_BEGIN_NAMESPACE
namespace detail {

namespace {
unsigned char fold(unsigned char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + ('a' - 'A')) : c;
}

// memcpy kept out of line: inlined, a copy of bounded size becomes a string instruction,
// which starts slowly, where the C library's copy for a few hundred bytes does not.
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
void copy(unsigned char* to, const unsigned char* from, std::size_t n) noexcept {
    std::memcpy(to, from, n);
}
} // namespace

KeywordMatcher::KeywordMatcher(const std::vector<std::string>& keywords) : count_(keywords.size()) {
    // Byte classes: every byte that occurs in a keyword gets its own class, all others share
    // class 0, so the transition table stays small enough for the cache. Upper-case letters
    // share their lower case's class, so at most 231 classes are needed.
    std::array<bool, 256> used{};
    for (const auto& k : keywords)
        for (char ch : k)
            used[fold(static_cast<unsigned char>(ch))] = true;
    classes_ = 1;
    for (std::size_t c = 0; c < 256; ++c)
        class_of_[c] = static_cast<std::uint8_t>(used[c] ? classes_++ : 0);
    for (int c = 'A'; c <= 'Z'; ++c)
        class_of_[static_cast<std::size_t>(c)] = class_of_[static_cast<std::size_t>(c + 32)];
    // A byte of no keyword sends every state back to the start: it parts texts scanned as one
    // stream. Any will do; 0xff never occurs in UTF-8.
    for (std::size_t c = 256; c-- > 0;)
        if (!used[fold(static_cast<unsigned char>(c))]) {
            separator_ = static_cast<int>(c);
            break;
        }

    // The trie, with -1 for missing edges.
    std::vector<std::vector<std::uint32_t>> own(1);
    std::vector<std::int32_t> next(classes_, -1);
    for (std::size_t id = 0; id < keywords.size(); ++id) {
        std::size_t s = 0;
        for (char ch : keywords[id]) {
            const std::size_t slot = s * classes_ + class_of_[static_cast<unsigned char>(ch)];
            if (next[slot] < 0) {
                next[slot] = static_cast<std::int32_t>(own.size());
                own.emplace_back();
                next.resize(next.size() + classes_, -1);
            }
            s = static_cast<std::size_t>(next[slot]);
        }
        own[s].push_back(static_cast<std::uint32_t>(id));
    }
    const std::size_t states = own.size();
    // Breadth first: failure links, then full transitions (a DFA), and output links.
    std::vector<std::size_t> fail(states, 0);
    std::vector<std::int32_t> out_link(states,
                                       -1); // nearest state (self or by failure) with outputs
    std::deque<std::size_t> queue;
    std::vector<std::size_t> order{0}; // breadth first: shallow states, the busy ones, first
    for (std::size_t c = 0; c < classes_; ++c) {
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
        for (std::size_t c = 0; c < classes_; ++c) {
            std::int32_t& t = next[s * classes_ + c];
            const std::int32_t via_fail = next[f * classes_ + c];
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

    // The rows, in breadth-first order so that the busy ones sit together in the cache: a
    // state that ends keywords at an odd multiple of 8 bytes, any other at an even one. At
    // most 65,537 states (the keywords' bytes are limited) of 232 columns: well under 2^35
    // bytes, so every entry fits.
    row_bytes_ = (classes_ * sizeof(std::uint32_t) + 4 + 7) / 8 * 8;
    std::vector<std::size_t> offset(states);
    std::size_t bytes = 0;
    for (const std::size_t s : order) {
        if ((bytes / 8 % 2 == 1) != (out_link[s] > 0))
            bytes += 8;
        offset[s] = bytes;
        bytes += row_bytes_;
    }
    table_.assign(bytes, 0);
    for (std::size_t s = 0; s < states; ++s) {
        unsigned char* row = table_.data() + offset[s];
        for (std::size_t c = 0; c < classes_; ++c) {
            const auto to = static_cast<std::uint32_t>(
                offset[static_cast<std::size_t>(next[s * classes_ + c])] / 8);
            std::memcpy(row + c * sizeof to, &to, sizeof to);
        }
        // What the state reports: the one keyword it ends, or the state to walk from.
        std::uint32_t what = 0;
        if (const std::int32_t o = out_link[s]; o > 0) {
            const auto ou = static_cast<std::size_t>(o);
            what = own[ou].size() == 1 && fail_out_[ou] == 0 ? own[ou][0] | 0x80000000u
                                                             : static_cast<std::uint32_t>(o);
        }
        std::memcpy(row + row_bytes_ - 4, &what, 4);
    }
}

void KeywordMatcher::report(std::uint32_t entry, std::uint64_t* found) const noexcept {
    std::uint32_t what;
    std::memcpy(&what, table_.data() + std::size_t(entry) * 8 + row_bytes_ - 4, 4);
    if (what & 0x80000000u) { // the common case: the state ends just one keyword
        what &= 0x7fffffffu;
        found[what >> 6] |= std::uint64_t(1) << (what & 63);
        return;
    }
    for (std::uint32_t o = what; o > 0; o = fail_out_[o])
        for (std::uint32_t i = out_begin_[o]; i < out_begin_[o + 1]; ++i)
            found[out_ids_[i] >> 6] |= std::uint64_t(1) << (out_ids_[i] & 63);
}

void KeywordMatcher::scan_one(const unsigned char* p, const unsigned char* end,
                              std::uint64_t* found) const noexcept {
    const unsigned char* table = table_.data();
    std::uint32_t entry = 0;
    for (; p != end; ++p) {
        std::memcpy(&entry, table + std::size_t(entry) * 8 + class_of_[*p] * sizeof entry,
                    sizeof entry);
        if (entry & 1) // rare: this state ends one or more keywords
            report(entry, found);
    }
}

void KeywordMatcher::scan(std::string_view text, std::uint64_t* found) const noexcept {
    if (count_ == 0)
        return;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    scan_one(p, p + text.size(), found);
}

void KeywordMatcher::scan_many(const std::string_view* texts, std::size_t n, std::uint64_t* found,
                               std::size_t stride) const noexcept {
    if (count_ == 0)
        return;
    if (separator_ < 0) { // keywords of every byte value: none parts the texts
        for (std::size_t i = 0; i < n; ++i)
            scan(texts[i], found + i * stride);
        return;
    }
    // Eight lanes, each a stream of whole texts parted by the separator byte, which returns
    // every state to the start; a lane whose text ends takes the next text, so all eight run
    // side by side to the end of the batch. Their bytes are copied a window at a time into one
    // buffer at fixed distances, so that the loop addresses all eight from one register: with
    // eight pointers besides eight states the registers would run out.
    constexpr std::size_t lanes = 8, window = 256, ahead = 2 * lanes;
    alignas(64) unsigned char buf[lanes][window];
    struct Lane {
        std::size_t text = 0, at = 0; // the text being copied, and how much of it
        bool busy = false;
        std::size_t starts = 0; // texts begun in this window (or going on into it)
        std::uint16_t start_at[window + 1];
        std::uint32_t start_text[window + 1];
    };
    // Texts live apart in memory: the bytes of one a few turns ahead are asked for early, so
    // that they are in the cache by the time a lane copies them.
    const auto prefetch = [&](std::string_view t) {
        for (std::size_t at = 0; at < std::min(t.size(), window); at += 64)
            detail::prefetch(t.data() + at);
    };
    for (std::size_t i = 0; i < std::min(n, ahead); ++i)
        prefetch(texts[i]);
    Lane lane[lanes];
    const auto sep = static_cast<unsigned char>(separator_);
    // For each byte, where its class's column starts: a state's next state is then read at the
    // state's row offset from there, one load with no addition.
    const unsigned char* column[256];
    for (std::size_t c = 0; c < 256; ++c)
        column[c] = table_.data() + class_of_[c] * sizeof(std::uint32_t);
    const auto next_of = [&column](std::uint32_t entry, unsigned char byte) {
        std::uint32_t next;
        std::memcpy(&next, column[byte] + std::size_t(entry) * 8, sizeof next);
        return next;
    };
    std::uint32_t r0 = 0, r1 = 0, r2 = 0, r3 = 0, r4 = 0, r5 = 0, r6 = 0, r7 = 0;
    std::size_t next = 0;
    for (;;) {
        // Fill the window of each lane; `len` is the longest run of text bytes among them.
        std::size_t len = 0, filled[lanes];
        for (std::size_t i = 0; i < lanes; ++i) {
            Lane& l = lane[i];
            unsigned char* b = buf[i];
            std::size_t pos = 0;
            l.starts = 0;
            if (l.busy) {
                l.start_at[0] = 0;
                l.start_text[0] = static_cast<std::uint32_t>(l.text);
                l.starts = 1;
            }
            while (pos < window) {
                if (!l.busy) {
                    if (next == n)
                        break;
                    if (next + ahead < n)
                        prefetch(texts[next + ahead]);
                    l.text = next++;
                    l.at = 0;
                    l.busy = true;
                    l.start_at[l.starts] = static_cast<std::uint16_t>(pos);
                    l.start_text[l.starts++] = static_cast<std::uint32_t>(l.text);
                }
                const std::string_view t = texts[l.text];
                const std::size_t take = std::min(window - pos, t.size() - l.at);
                copy(b + pos, reinterpret_cast<const unsigned char*>(t.data()) + l.at, take);
                pos += take;
                l.at += take;
                if (l.at == t.size() && pos < window) {
                    b[pos++] = sep;
                    l.busy = false;
                }
            }
            filled[i] = pos;
            len = std::max(len, pos);
        }
        if (len == 0)
            break;
        for (std::size_t i = 0; i < lanes; ++i)
            std::memset(buf[i] + filled[i], sep, len - filled[i]);
        // Eight independent chains of table look-ups, kept in registers: the inner loop makes
        // no call. A step that ends keywords in some lane (rare) leaves it to report them to
        // the text that byte belongs to.
        const unsigned char* q = buf[0];
        const unsigned char* const q_end = buf[0] + len;
        while (q != q_end) {
            bool flagged = false;
            while (q != q_end) {
                r0 = next_of(r0, q[0]);
                r1 = next_of(r1, q[window]);
                r2 = next_of(r2, q[2 * window]);
                r3 = next_of(r3, q[3 * window]);
                r4 = next_of(r4, q[4 * window]);
                r5 = next_of(r5, q[5 * window]);
                r6 = next_of(r6, q[6 * window]);
                r7 = next_of(r7, q[7 * window]);
                ++q;
                if ((r0 | r1 | r2 | r3 | r4 | r5 | r6 | r7) & 1) {
                    flagged = true;
                    break;
                }
            }
            if (flagged) {
                const auto pos = static_cast<std::size_t>(q - buf[0]) - 1;
                const std::uint32_t* const r[lanes] = {&r0, &r1, &r2, &r3, &r4, &r5, &r6, &r7};
                std::size_t which = (r0 & 1) | (r1 & 1) << 1 | (r2 & 1) << 2 | (r3 & 1) << 3 |
                                    (r4 & 1) << 4 | (r5 & 1) << 5 | (r6 & 1) << 6 | (r7 & 1) << 7;
                for (; which; which &= which - 1) {
                    const auto i = static_cast<std::size_t>(lowest_bit(which));
                    const Lane& l = lane[i];
                    std::size_t k = l.starts;
                    while (l.start_at[--k] > pos) {
                    }
                    report(*r[i], found + l.start_text[k] * stride);
                }
            }
        }
    }
}

} // namespace detail
PLAINT_END_NAMESPACE
