// The rules benchmark's inputs: the same 1,000,000 complaints the peer programs classify
// (peers/rules/gen_inputs.js), regenerated here so plaint and the peers do the same work.
// mulberry32 (32-bit state) with seed 20260101; each input draws, in this order: channel and
// category (weighted), building, reporter_count, repeat_in_30d, hours_since_report, a keyword
// count k in 0..3, k keywords, vip. `to_facts` maps an input onto plaint's Facts the way
// tests/vectors/severity_peers.py maps the peers' table onto plaint's rules.
#pragma once

#include <plaint/rules.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace rules_peers {

/// mulberry32: a 32-bit state advanced by a Weyl step and mixed; returns [0, 1) in steps of 2^-32.
class Mulberry32 {
public:
    explicit Mulberry32(std::uint32_t seed) : state_(seed) {}
    double next() {
        state_ += 0x6D2B79F5u;
        std::uint32_t z = state_;
        z = (z ^ (z >> 15)) * (z | 1u);
        z ^= z + (z ^ (z >> 7)) * (z | 61u);
        return static_cast<double>(z ^ (z >> 14)) / 4294967296.0;
    }

private:
    std::uint32_t state_;
};

inline constexpr std::uint32_t seed = 20260101;

struct Weighted {
    std::string_view name;
    int weight;
};

// The generator's tables, in its order (the order decides which value a draw picks).
inline constexpr std::array<Weighted, 6> channels = {
    {{"phone", 35}, {"online", 30}, {"visit", 15}, {"letter", 8}, {"authority", 7}, {"media", 5}}};
inline constexpr std::array<Weighted, 5> categories = {
    {{"equipment", 35}, {"quality", 25}, {"attitude", 15}, {"other", 15}, {"emergency", 10}}};
inline constexpr std::array<std::string_view, 32> keywords = {
    "fire",           "gas_leak",     "smoke",   "trapped",  "injury",        "flood",
    "water_burst",    "power_outage", "lawyer",  "lawsuit",  "hotline_12345", "journalist",
    "abuse",          "threat",       "insult",  "elevator", "water_leak",    "mold",
    "crack",          "noise",        "parking", "pet",      "garbage",       "consult",
    "inquiry",        "elderly",      "assist",  "angry",    "unfair",        "spam",
    "wrong_building", "test"};

/// One generated complaint, as indices into the tables above.
struct Input {
    std::uint8_t channel = 0, category = 0; ///< indices into `channels`, `categories`
    std::uint16_t building = 0;             ///< "B-%04d"
    std::int32_t reporter_count = 1, repeat_in_30d = 0;
    std::int32_t hours_centi = 0; ///< hours_since_report * 100, an integer by construction
    std::uint8_t keyword_count = 0;
    std::array<std::uint8_t, 3> keyword{}; ///< indices into `keywords`, may repeat
    bool vip = false;

    double hours() const { return hours_centi / 100.0; }
};

template <std::size_t N>
std::size_t weighted(double r, const std::array<Weighted, N>& table) {
    int total = 0;
    for (const auto& w : table)
        total += w.weight;
    const double x = r * total;
    double cum = 0;
    for (std::size_t i = 0; i < N; ++i) {
        cum += table[i].weight;
        if (x < cum)
            return i;
    }
    return N - 1;
}

/// JavaScript's Math.round for x >= 0: the nearest integer, halves up (floor(x + 0.5) would
/// round 0.49999999999999994 up).
inline double js_round(double x) {
    const double f = std::floor(x);
    return x - f >= 0.5 ? f + 1 : f;
}

inline std::vector<Input> generate(std::size_t n) {
    Mulberry32 rng(seed);
    std::vector<Input> out(n);
    for (auto& in : out) {
        // Same expressions as the generator, evaluated left to right in doubles.
        in.channel = static_cast<std::uint8_t>(weighted(rng.next(), channels));
        in.category = static_cast<std::uint8_t>(weighted(rng.next(), categories));
        in.building = static_cast<std::uint16_t>(std::floor(rng.next() * 200));
        double r = rng.next();
        in.reporter_count = 1 + static_cast<std::int32_t>(std::floor(30 * r * r * r));
        r = rng.next();
        in.repeat_in_30d = static_cast<std::int32_t>(std::floor(8 * r * r));
        r = rng.next();
        // Math.round(r * r * 168 * 100) / 100: keep the integer numerator.
        in.hours_centi = static_cast<std::int32_t>(js_round(r * r * 168 * 100));
        in.keyword_count = static_cast<std::uint8_t>(std::floor(rng.next() * 4));
        for (std::size_t j = 0; j < in.keyword_count; ++j)
            in.keyword[j] =
                static_cast<std::uint8_t>(std::floor(rng.next() * double(keywords.size())));
        in.vip = rng.next() < 0.08;
    }
    // The first inputs of the peers' out/inputs_first10k.jsonl (`node rules/gen_inputs.js
    // 10000`): a port that drifted would measure other work. The test checks all 10,000 against
    // the sha256 the generator prints.
    if (n >= 3 &&
        !(out[0].reporter_count == 28 && out[0].hours_centi == 244 && out[1].hours_centi == 10747 &&
          out[2].building == 37 && out[2].keyword_count == 3 && out[2].keyword[2] == 25))
        throw std::logic_error("rules_peers::generate differs from gen_inputs.js");
    return out;
}

/// "B-0000" .. "B-0199", the buildings an input can name; Facts borrow these.
inline const std::vector<std::string>& building_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> v;
        for (int b = 0; b < 200; ++b) {
            std::string s = std::to_string(b);
            v.push_back("B-" + std::string(4 - s.size(), '0') + s);
        }
        return v;
    }();
    return names;
}

/// An input as plaint's Facts (see tests/vectors/severity_peers.py): the category emergency is
/// sudden_event, repeat_in_30d the repeat count, hours_since_report the hours since received,
/// and the keyword tokens plus "vip" (when set) the tags. The Facts borrow static strings only.
inline void to_facts(const Input& in, plaint::Facts& f) {
    using plaint::Category;
    using plaint::Channel;
    static constexpr Channel channel_of[] = {Channel::phone,  Channel::online,    Channel::visit,
                                             Channel::letter, Channel::authority, Channel::media};
    static constexpr Category category_of[] = {Category::equipment, Category::quality,
                                               Category::attitude, Category::other,
                                               Category::sudden_event};
    f.channel = channel_of[in.channel];
    f.category = category_of[in.category];
    f.building = building_names()[in.building];
    f.reporter_count = in.reporter_count;
    f.repeat_count = in.repeat_in_30d;
    f.hours_since_received = in.hours();
    f.tags.clear();
    for (std::size_t j = 0; j < in.keyword_count; ++j)
        f.tags.push_back(keywords[in.keyword[j]]);
    if (in.vip)
        f.tags.push_back("vip");
}

/// The input as the generator's JSON line (JSON.stringify, without the newline), to check the
/// port byte for byte against the sha256 that gen_inputs.js prints.
inline std::string json_line(const Input& in) {
    std::string s = "{\"channel\":\"" + std::string(channels[in.channel].name) +
                    "\",\"category\":\"" + std::string(categories[in.category].name) +
                    "\",\"building\":\"" + building_names()[in.building] +
                    "\",\"reporter_count\":" + std::to_string(in.reporter_count) +
                    ",\"repeat_in_30d\":" + std::to_string(in.repeat_in_30d) +
                    ",\"hours_since_report\":";
    // Shortest round trip of centi / 100 (JavaScript's Number toString): at most two decimals,
    // no trailing zeros.
    s += std::to_string(in.hours_centi / 100);
    if (const int frac = in.hours_centi % 100) {
        s += '.';
        s += static_cast<char>('0' + frac / 10);
        if (frac % 10)
            s += static_cast<char>('0' + frac % 10);
    }
    s += ",\"keywords\":[";
    for (std::size_t j = 0; j < in.keyword_count; ++j)
        s += (j ? ",\"" : "\"") + std::string(keywords[in.keyword[j]]) + "\"";
    s += in.vip ? "],\"vip\":true}" : "],\"vip\":false}";
    return s;
}

} // namespace rules_peers
