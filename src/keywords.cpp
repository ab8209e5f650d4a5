#include "keywords.hpp"

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
    for (std::uint32_t c = 0; c < classes_; ++c) {
        std::int32_t& t = next_[c];
        if (t < 0) {
            t = 0;
        } else {
            fail[static_cast<std::size_t>(t)] = 0;
            queue.push_back(t);
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
    step_.resize(next_.size());
    for (std::size_t i = 0; i < next_.size(); ++i) {
        const auto t = static_cast<std::size_t>(next_[i]);
        step_[i] = static_cast<std::uint32_t>(t * classes_) | (out_link_[t] > 0 ? 0x80000000u : 0u);
    }
}

void KeywordMatcher::scan(std::string_view text, std::uint64_t* found) const noexcept {
    if (count_ == 0)
        return;
    const std::uint32_t* step = step_.data();
    std::uint32_t row = 0;
    for (char ch : text) {
        const std::uint32_t next = step[row + class_of_[static_cast<unsigned char>(ch)]];
        row = next & 0x7fffffffu;
        if (next & 0x80000000u) { // rare: this state ends one or more keywords
            for (std::int32_t o = out_link_[row / classes_]; o > 0;
                 o = fail_out_[static_cast<std::size_t>(o)]) {
                const auto ou = static_cast<std::size_t>(o);
                for (std::uint32_t i = out_begin_[ou]; i < out_begin_[ou + 1]; ++i)
                    found[out_ids_[i] >> 6] |= std::uint64_t(1) << (out_ids_[i] & 63);
            }
        }
    }
}

} // namespace detail
PLAINT_END_NAMESPACE
