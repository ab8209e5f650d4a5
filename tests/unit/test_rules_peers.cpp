// plaint's rules against two independent engines: GoRules ZEN 0.54.0 and json-rules-engine
// 7.3.1 (on Node 20), run by the peer harness (peers/run rules) on its complaint-severity table
// (peers/severity_table.json, 32 rows) and the first 10,000 inputs of peers/rules/gen_inputs.js
// (mulberry32, seed 20260101). Every expected value below is those programs' output (the two
// agree on every input), stored in tests/vectors/severity_peers_10000.csv and
// severity_peers_rows.csv (see tests/vectors/README.md); nothing expected is computed by plaint.
//
// The table in plaint's format (tests/vectors/severity_table.plaint.json and its collect twin)
// is converted by tests/vectors/severity_peers.py: the category emergency is sudden_event, the
// input's keyword tokens and its vip flag are Facts.tags, repeat_in_30d is repeat_count,
// hours_since_report is hours_since_received; outputs map help/consult/vent to help_seeking/
// consulting/venting, P1..P4 to p1..p4 and duty to duty_staff.
#include "../bench/rules_inputs.hpp"

#include <plaint/rules.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace plaint;

namespace {

constexpr std::size_t count = 10000;

std::string read_file(const std::string& name) {
    std::ifstream in(std::string(PLAINT_VECTORS_DIR) + "/" + name, std::ios::binary);
    REQUIRE(in);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep))
        out.push_back(cur);
    return out;
}

// SHA-256 (FIPS 180-4), to check the C++ generator against the digest gen_inputs.js prints.
class Sha256 {
public:
    void update(const std::string& s) {
        for (char c : s) {
            block_[used_++] = static_cast<unsigned char>(c);
            ++length_;
            if (used_ == 64)
                compress();
        }
    }
    std::string hex() {
        const std::uint64_t bits = length_ * 8;
        update(std::string(1, '\x80'));
        while (used_ != 56)
            update(std::string(1, '\0'));
        for (int i = 7; i >= 0; --i)
            block_[used_++] = static_cast<unsigned char>(bits >> (8 * i));
        compress();
        std::string out;
        char buf[9];
        for (std::uint32_t v : h_) {
            std::snprintf(buf, sizeof buf, "%08x", v);
            out += buf;
        }
        return out;
    }

private:
    static std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
    void compress() {
        static constexpr std::uint32_t k[64] = {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
            0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
            0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
            0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
            0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
            0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
            0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
            0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
            0xc67178f2};
        std::uint32_t w[64];
        for (std::size_t i = 0; i < 16; ++i)
            w[i] = std::uint32_t(block_[4 * i]) << 24 | std::uint32_t(block_[4 * i + 1]) << 16 |
                   std::uint32_t(block_[4 * i + 2]) << 8 | std::uint32_t(block_[4 * i + 3]);
        for (std::size_t i = 16; i < 64; ++i) {
            const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
            const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        std::array<std::uint32_t, 8> v = h_;
        for (std::size_t i = 0; i < 64; ++i) {
            const std::uint32_t s1 = rotr(v[4], 6) ^ rotr(v[4], 11) ^ rotr(v[4], 25);
            const std::uint32_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
            const std::uint32_t t1 = v[7] + s1 + ch + k[i] + w[i];
            const std::uint32_t s0 = rotr(v[0], 2) ^ rotr(v[0], 13) ^ rotr(v[0], 22);
            const std::uint32_t maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            const std::uint32_t t2 = s0 + maj;
            v = {t1 + t2, v[0], v[1], v[2], v[3] + t1, v[4], v[5], v[6]};
        }
        for (std::size_t i = 0; i < 8; ++i)
            h_[i] += v[i];
        used_ = 0;
    }
    std::array<std::uint32_t, 8> h_ = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                       0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::array<unsigned char, 64> block_{};
    std::size_t used_ = 0;
    std::uint64_t length_ = 0;
};

// The peers' first-hit outputs of each row, in the peers' vocabulary, mapped to plaint's.
struct PeerOutputs {
    Nature nature;
    Severity severity;
    std::string sla_policy;
    Role escalate_to;
};

std::map<std::string, PeerOutputs> read_rows() {
    const std::map<std::string, Nature> natures = {
        {"valid", Nature::valid},       {"invalid", Nature::invalid},    {"major", Nature::major},
        {"help", Nature::help_seeking}, {"consult", Nature::consulting}, {"vent", Nature::venting}};
    const std::map<std::string, Severity> severities = {
        {"P1", Severity::p1}, {"P2", Severity::p2}, {"P3", Severity::p3}, {"P4", Severity::p4}};
    const std::map<std::string, Role> roles = {{"duty", Role::duty_staff},
                                               {"cs_manager", Role::cs_manager},
                                               {"general_manager", Role::general_manager},
                                               {"company", Role::company}};
    const auto lines = split(read_file("severity_peers_rows.csv"), '\n');
    REQUIRE(!lines.empty());
    REQUIRE(lines[0] == "rule_id,nature,severity,sla_policy,escalate_to");
    std::map<std::string, PeerOutputs> rows;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto f = split(lines[i], ',');
        INFO("line: " << lines[i]);
        REQUIRE(f.size() == 5);
        REQUIRE(natures.count(f[1]));
        REQUIRE(severities.count(f[2]));
        REQUIRE(roles.count(f[4]));
        rows[f[0]] = {natures.at(f[1]), severities.at(f[2]), f[3], roles.at(f[4])};
    }
    return rows;
}

struct PeerAnswer {
    std::string first;                ///< the row ZEN reports as rule_id under first hit
    std::vector<std::string> collect; ///< the rows matched under collect, in table order
};

std::vector<PeerAnswer> read_answers() {
    const auto lines = split(read_file("severity_peers_10000.csv"), '\n');
    REQUIRE(lines.size() == count + 1);
    REQUIRE(lines[0] == "first,collect");
    std::vector<PeerAnswer> out;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto f = split(lines[i], ',');
        REQUIRE(f.size() == 2);
        out.push_back({f[0], split(f[1], ' ')});
    }
    return out;
}

template <class S>
std::string joined(const std::vector<S>& ids) {
    std::string s;
    for (const auto& id : ids)
        s += (s.empty() ? "" : " ") + std::string(id);
    return s;
}

} // namespace

TEST_CASE("the C++ generator reproduces the peers' inputs byte for byte") {
    const auto inputs = rules_peers::generate(count);
    Sha256 sha;
    for (const auto& in : inputs)
        sha.update(rules_peers::json_line(in) + "\n");
    // Printed by `node rules/gen_inputs.js 10000 out/inputs_first10k.jsonl` (peers/run rules,
    // out/inputs_first10k.sha256).
    CHECK(sha.hex() == "76d4c782cb60df9f94ece609df1f730854182e5ee18cc1d215b28aee3c5f2446");
    // The first line of that file, as a readable check.
    CHECK(rules_peers::json_line(inputs[0]) ==
          R"({"channel":"phone","category":"quality","building":"B-0161","reporter_count":28,)"
          R"("repeat_in_30d":4,"hours_since_report":2.44,"keywords":["journalist"],"vip":false})");
}

TEST_CASE("SHA-256 of the FIPS 180-2 example") {
    Sha256 sha;
    sha.update("abc");
    CHECK(sha.hex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("the severity table decides as ZEN and json-rules-engine do on 10,000 inputs") {
    const RuleSet first = RuleSet::from_json(read_file("severity_table.plaint.json"));
    const RuleSet collect = RuleSet::from_json(read_file("severity_table_collect.plaint.json"));
    REQUIRE(first.row_count() == 32);
    REQUIRE(collect.row_count() == 32);
    CHECK(first.warnings().empty());

    const auto rows = read_rows();
    const auto answers = read_answers();
    const auto inputs = rules_peers::generate(count);
    std::vector<Facts> facts(count);
    for (std::size_t i = 0; i < count; ++i)
        rules_peers::to_facts(inputs[i], facts[i]);

    std::vector<Decision> by_first(count), by_collect(count);
    first.classify_many(facts.data(), count, by_first.data());
    collect.classify_many(facts.data(), count, by_collect.data());

    std::size_t first_same = 0, collect_same = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const PeerAnswer& want = answers[i];
        INFO("input " << i << ": " << rules_peers::json_line(inputs[i]));
        // First hit: the deciding row and all four outputs.
        const Decision& d = by_first[i];
        REQUIRE(rows.count(want.first));
        const PeerOutputs& o = rows.at(want.first);
        const bool same = d.matched.size() == 1 && d.matched[0] == want.first && d.nature &&
                          *d.nature == o.nature && d.severity && *d.severity == o.severity &&
                          d.sla_policy && *d.sla_policy == o.sla_policy && d.escalate_to &&
                          *d.escalate_to == o.escalate_to && !d.visit_method && d.tags.empty();
        if (!same)
            FAIL_CHECK("peers: " << want.first << " " << o.sla_policy
                                 << "; plaint: " << to_json(d));
        first_same += same;
        // Collect: the matching rows, in table order. Under plaint's collect the first matching
        // row that sets an output gives it, so the outputs are the peers' for the first row.
        const Decision& c = by_collect[i];
        const std::vector<std::string> got(c.matched.begin(), c.matched.end());
        const PeerOutputs& oc = rows.at(want.collect.at(0));
        const bool same_c = got == want.collect && c.nature == oc.nature &&
                            c.severity == oc.severity && c.sla_policy == oc.sla_policy &&
                            c.escalate_to == oc.escalate_to;
        if (!same_c)
            FAIL_CHECK("peers: " << joined(want.collect) << "; plaint: " << to_json(c));
        collect_same += same_c;
    }
    CHECK(first_same == count);
    CHECK(collect_same == count);
}
