#include "keywords.hpp"

#include <algorithm>
#include <cstring>
#include <deque>

PLAINT_BEGIN_NAMESPACE
namespace detail {

namespace {
unsigned char fold(unsigned char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + ('a' - 'A')) : c;
}
} // namespace

KeywordMatcher::KeywordMatcher(const std::vector<std::string>& keywords) : count_(keywords.size()) {
    // Byte classes: every byte that occurs in a keyword gets its own class, all others share
    // class 0, so the transition table stays small enough for the cache.
    class_of_.fill(0);
    for (const auto& k : keywords)
        for (char ch : k) {
            const unsigned char c = fold(static_cast<unsigned char>(ch));
            if (!class_of_[c])
                class_of_[c] = static_cast<std::uint8_t>(classes_++);
        }
    for (int c = 'A'; c <= 'Z'; ++c)
        class_of_[static_cast<std::size_t>(c)] = class_of_[static_cast<std::size_t>(c + 32)];

    // The trie, with -1 for missing edges.
    std::vector<std::vector<std::uint32_t>> own(1);
    next_.assign(classes_, -1);
    for (std::size_t id = 0; id < keywords.size(); ++id) {
        std::int32_t s = 0;
        for (char ch : keywords[id]) {
            const unsigned char c = static_cast<unsigned char>(ch);
            const std::size_t slot = static_cast<std::size_t>(s) * classes_ + class_of_[fold(c)];
            if (next_[slot] < 0) {
                next_[slot] = static_cast<std::int32_t>(own.size());
                own.emplace_back();
                next_.resize(next_.size() + classes_, -1);
            }
            s = next_[static_cast<std::size_t>(s) * classes_ + class_of_[fold(c)]];
        }
        own[static_cast<std::size_t>(s)].push_back(static_cast<std::uint32_t>(id));
    }
    const std::size_t states = own.size();
    // Breadth first: failure links, then full transitions (a DFA), and output links.
    std::vector<std::int32_t> fail(states, 0);
    out_link_.assign(states, -1);
    std::deque<std::int32_t> queue;
    std::vector<std::int32_t> order{0}; // breadth first: shallow states, the busy ones, first
    for (std::uint32_t c = 0; c < classes_; ++c) {
        std::int32_t& t = next_[c];
        if (t < 0) {
            t = 0;
        } else {
            fail[static_cast<std::size_t>(t)] = 0;
            queue.push_back(t);
            order.push_back(t);
        }
    }
    while (!queue.empty()) {
        const std::int32_t s = queue.front();
        queue.pop_front();
        const auto su = static_cast<std::size_t>(s);
        const std::int32_t f = fail[su];
        out_link_[su] = !own[su].empty() ? s : out_link_[static_cast<std::size_t>(f)];
        for (std::uint32_t c = 0; c < classes_; ++c) {
            std::int32_t& t = next_[su * classes_ + c];
            const std::int32_t via_fail = next_[static_cast<std::size_t>(f) * classes_ + c];
            if (t < 0) {
                t = via_fail;
            } else {
                fail[static_cast<std::size_t>(t)] = via_fail;
                queue.push_back(t);
                order.push_back(t);
            }
        }
    }
    // Outputs as a flat list; a state's outputs continue along its failure chain, followed at
    // scan time through out_link_ of the failure state.
    out_begin_.assign(states + 1, 0);
    for (std::size_t s = 0; s < states; ++s) {
        out_begin_[s] = static_cast<std::uint32_t>(out_ids_.size());
        out_ids_.insert(out_ids_.end(), own[s].begin(), own[s].end());
    }
    out_begin_[states] = static_cast<std::uint32_t>(out_ids_.size());
    // Chain: for each state with outputs, the next state with outputs along its failures.
    fail_out_.assign(states, -1);
    for (std::size_t s = 1; s < states; ++s)
        fail_out_[s] = out_link_[static_cast<std::size_t>(fail[s])];
    // Renumber the states in breadth-first order, so the rows the scan visits most often sit
    // together in the cache, and build the scan's table.
    std::vector<std::uint32_t> new_of(states);
    for (std::size_t i = 0; i < order.size(); ++i)
        new_of[static_cast<std::size_t>(order[i])] = static_cast<std::uint32_t>(i);
    auto renamed = [&new_of](std::int32_t s) {
        return s < 0 ? s : static_cast<std::int32_t>(new_of[static_cast<std::size_t>(s)]);
    };
    std::vector<std::int32_t> out_link(states), fail_out(states);
    std::vector<std::uint32_t> out_begin(states + 1), out_ids;
    step_.resize(next_.size());
    for (std::size_t n = 0; n < states; ++n) {
        const auto old = static_cast<std::size_t>(order[n]);
        out_link[n] = renamed(out_link_[old]);
        fail_out[n] = renamed(fail_out_[old]);
        out_begin[n] = static_cast<std::uint32_t>(out_ids.size());
        out_ids.insert(out_ids.end(), out_ids_.begin() + out_begin_[old],
                       out_ids_.begin() + out_begin_[old + 1]);
        for (std::uint32_t c = 0; c < classes_; ++c) {
            const auto t = static_cast<std::size_t>(next_[old * classes_ + c]);
            step_[n * classes_ + c] = new_of[t] * classes_ | (out_link_[t] > 0 ? 0x80000000u : 0u);
        }
    }
    out_begin[states] = static_cast<std::uint32_t>(out_ids.size());
    out_link_ = std::move(out_link);
    fail_out_ = std::move(fail_out);
    out_begin_ = std::move(out_begin);
    out_ids_ = std::move(out_ids);
    next_.clear();
    next_.shrink_to_fit();
}

void KeywordMatcher::report(std::uint32_t row, std::uint64_t* found) const noexcept {
    for (std::int32_t o = out_link_[row / classes_]; o > 0;
         o = fail_out_[static_cast<std::size_t>(o)]) {
        const auto ou = static_cast<std::size_t>(o);
        for (std::uint32_t i = out_begin_[ou]; i < out_begin_[ou + 1]; ++i)
            found[out_ids_[i] >> 6] |= std::uint64_t(1) << (out_ids_[i] & 63);
    }
}

void KeywordMatcher::scan_from(std::uint32_t row, const unsigned char* p, const unsigned char* end,
                               std::uint64_t* found) const noexcept {
    const std::uint32_t* step = step_.data();
    for (; p != end; ++p) {
        const std::uint32_t next = step[row + class_of_[*p]];
        row = next & 0x7fffffffu;
        if (next & 0x80000000u) // rare: this state ends one or more keywords
            report(row, found);
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
    constexpr std::size_t lanes = 8;
    const std::uint32_t* step = step_.data();
    std::size_t base = 0;
    // The lanes' bytes are copied a window at a time into one buffer at fixed distances, so that
    // the loop addresses all eight from one register: with eight pointers besides eight states
    // the registers run out and every step would reload its pointer from the stack.
    constexpr std::size_t window = 256;
    alignas(64) unsigned char buf[lanes][window];
    for (; base + lanes <= n; base += lanes) {
        // All lanes advance together over the shortest text's length; each then finishes alone.
        const unsigned char* p[lanes];
        std::size_t common = texts[base].size();
        for (std::size_t i = 0; i < lanes; ++i) {
            p[i] = reinterpret_cast<const unsigned char*>(texts[base + i].data());
            common = std::min(common, texts[base + i].size());
        }
        // Eight independent chains of table look-ups, kept in registers.
        const std::uint8_t* cls = class_of_.data();
        std::uint32_t r0 = 0, r1 = 0, r2 = 0, r3 = 0, r4 = 0, r5 = 0, r6 = 0, r7 = 0;
        for (std::size_t at = 0; at < common; at += window) {
            const std::size_t len = std::min(window, common - at);
            for (std::size_t i = 0; i < lanes; ++i)
                std::memcpy(buf[i], p[i] + at, len);
            // The inner loop makes no call, so the eight states stay in registers; a step that
            // ends keywords in some lane (rare) leaves it to report them and mask the flags off.
            const unsigned char* q = buf[0];
            const unsigned char* const q_end = buf[0] + len;
            while (q != q_end) {
                bool flagged = false;
                while (q != q_end) {
                    r0 = step[r0 + cls[q[0]]];
                    r1 = step[r1 + cls[q[window]]];
                    r2 = step[r2 + cls[q[2 * window]]];
                    r3 = step[r3 + cls[q[3 * window]]];
                    r4 = step[r4 + cls[q[4 * window]]];
                    r5 = step[r5 + cls[q[5 * window]]];
                    r6 = step[r6 + cls[q[6 * window]]];
                    r7 = step[r7 + cls[q[7 * window]]];
                    ++q;
                    if ((r0 | r1 | r2 | r3 | r4 | r5 | r6 | r7) & 0x80000000u) {
                        flagged = true;
                        break;
                    }
                }
                if (flagged) {
                    std::uint32_t* const r[lanes] = {&r0, &r1, &r2, &r3, &r4, &r5, &r6, &r7};
                    for (std::size_t i = 0; i < lanes; ++i)
                        if (*r[i] & 0x80000000u) {
                            *r[i] &= 0x7fffffffu;
                            report(*r[i], found + (base + i) * stride);
                        }
                }
            }
        }
        const std::uint32_t row[lanes] = {r0, r1, r2, r3, r4, r5, r6, r7};
        for (std::size_t i = 0; i < lanes; ++i)
            scan_from(row[i], p[i] + common, p[i] + texts[base + i].size(),
                      found + (base + i) * stride);
    }
    for (; base < n; ++base)
        scan(texts[base], found + base * stride);
}

} // namespace detail
PLAINT_END_NAMESPACE
