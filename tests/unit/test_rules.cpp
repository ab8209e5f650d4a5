// Classification rules. Expected decisions are read off the rule tables by hand; the keyword
// matcher is checked on the worked example of Aho and Corasick's paper ("ushers" holds he, she
// and hers) and against a naive search on random texts.
#include "support.hpp"
#include <plaint/profile.hpp>
#include <plaint/rules.hpp>

#include "../../src/keywords.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <limits>
#include <random>

using namespace plaint;

namespace {

std::vector<std::size_t> found(const detail::KeywordMatcher& m, std::string_view text) {
    std::vector<std::uint64_t> bits((m.size() + 63) / 64, 0);
    m.scan(text, bits.data());
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < m.size(); ++i)
        if ((bits[i / 64] >> (i % 64)) & 1)
            out.push_back(i);
    return out;
}

// The DOMAIN.md defaults in miniature: nature by first hit, severity by priority, tags
// collected.
const char* const domain_rules = R"({"sections": [
  {"name": "nature", "hit": "first", "rows": [
    {"id": "escalated-outside", "when": {"channel": ["authority", "media"]},
     "then": {"nature": "major", "escalate_to": "general_manager", "visit_method": "on_site"}},
    {"id": "outside-scope", "when": {"tags": ["outside_scope"]}, "then": {"nature": "invalid"}},
    {"id": "consulting", "when": {"keywords": {"any": ["请问", "how do I", "咨询"]}},
     "then": {"nature": "consulting", "sla_policy": "consultation"}},
    {"id": "venting", "when": {"keywords": ["太差", "terrible"], "category": "attitude"},
     "then": {"nature": "venting"}},
    {"id": "default", "then": {"nature": "valid", "sla_policy": "complaint"}}
  ]},
  {"name": "severity", "hit": "priority", "rows": [
    {"id": "sudden", "when": {"category": "sudden_event"}, "then": {"severity": "p1"}},
    {"id": "many", "when": {"reporter_count": {"gte": 10}},
     "then": {"severity": "p2", "visit_method": "meeting"}},
    {"id": "repeat", "when": {"repeat_count": {"between": [2, 4]}}, "then": {"severity": "p2"}},
    {"id": "base", "then": {"severity": "p4"}}
  ]},
  {"name": "tags", "hit": "collect", "rows": [
    {"id": "water", "when": {"keywords": ["漏水", "leak"]}, "then": {"tags": ["water"]}},
    {"id": "night", "when": {"hours_since_received": {"gt": 0, "lt": 1}, "not": {"unit": "1*"}},
     "then": {"tags": ["fresh"]}},
    {"id": "tower", "when": {"building": ["T?", "Tower *"]}, "then": {"tags": ["tower"]}},
    {"id": "late", "when": {"missed": ["first_feedback"]},
     "then": {"tags": ["late"], "escalate_to": "cs_manager"}}
  ]}
]})";

} // namespace

TEST_CASE("the keyword matcher finds every keyword in one pass") {
    const detail::KeywordMatcher m({"he", "she", "his", "hers"});
    CHECK(found(m, "ushers") == std::vector<std::size_t>{0, 1, 3}); // he, she, hers
    CHECK(found(m, "USHERS") == std::vector<std::size_t>{0, 1, 3}); // Latin case folds
    CHECK(found(m, "").empty());
    const detail::KeywordMatcher cn({"漏水", "water", "卫生间", "fire"});
    CHECK(found(cn, "Water 漏水 in the 卫生间") == std::vector<std::size_t>{0, 1, 2});
    CHECK(found(cn, "漏").empty()); // half a keyword is not a match
    // Against a naive search of every keyword on random texts over a small alphabet.
    std::mt19937 rng(5);
    const std::string alphabet = "abAB\xe6\xbc";
    std::vector<std::string> keys;
    for (int i = 0; i < 40; ++i) {
        std::string k;
        for (int j = 0, n = 1 + static_cast<int>(rng() % 4); j < n; ++j)
            k += alphabet[rng() % alphabet.size()];
        for (char& c : k)
            c = (c == 'A') ? 'a' : (c == 'B') ? 'b' : c;
        keys.push_back(k);
    }
    const detail::KeywordMatcher r(keys);
    for (int t = 0; t < 300; ++t) {
        std::string text;
        for (int j = 0, n = static_cast<int>(rng() % 30); j < n; ++j)
            text += alphabet[rng() % alphabet.size()];
        std::string lower = text;
        for (char& c : lower)
            c = (c == 'A') ? 'a' : (c == 'B') ? 'b' : c;
        std::vector<std::size_t> naive;
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (lower.find(keys[i]) != std::string::npos)
                naive.push_back(i);
        CHECK(found(r, text) == naive);
    }
}

TEST_CASE("a keyword is found in any of its forms, in a matcher of megabytes as in a small one") {
    // Keywords of up to three forms each, random over a small alphabet: some forms share
    // prefixes, some are another's suffix. 400 keywords make thousands of states, a table past
    // 2 MiB (the size from which it is asked for in huge pages); 6 keywords a small one.
    std::mt19937 rng(23);
    const std::string alphabet = "abcAB\xe6\xbc\x80";
    const auto lower = [](std::string s) {
        for (char& c : s)
            c = (c == 'A') ? 'a' : (c == 'B') ? 'b' : c;
        return s;
    };
    for (const int count : {6, 400}) {
        std::vector<std::vector<std::string>> forms(static_cast<std::size_t>(count));
        for (auto& fs : forms)
            for (int f = 0, nf = 1 + static_cast<int>(rng() % 3); f < nf; ++f) {
                std::string k;
                for (int j = 0, n = 1 + static_cast<int>(rng() % 9); j < n; ++j)
                    k += alphabet[rng() % alphabet.size()];
                fs.push_back(k);
            }
        const auto m = detail::KeywordMatcher::with_forms(forms);
        if (count == 400)
            CHECK(m.memory() > (std::size_t(2) << 20));
        for (int t = 0; t < 300; ++t) {
            std::string text;
            for (int j = 0, n = static_cast<int>(rng() % 40); j < n; ++j)
                text += alphabet[rng() % alphabet.size()];
            if (t % 3 == 0) { // a form planted, in upper case where it has a or b
                std::string f = forms[rng() % forms.size()][0];
                for (char& c : f)
                    c = (c == 'a') ? 'A' : (c == 'b') ? 'B' : c;
                text.insert(text.size() / 2, f);
            }
            std::vector<std::size_t> naive;
            for (std::size_t i = 0; i < forms.size(); ++i)
                for (const auto& f : forms[i])
                    if (lower(text).find(lower(f)) != std::string::npos) {
                        naive.push_back(i);
                        break;
                    }
            CHECK(found(m, text) == naive);
        }
    }
}

TEST_CASE("scanning many texts side by side finds what a naive search finds") {
    std::mt19937 rng(11);
    const std::string alphabet = "abAB\xe6\xbc ";
    std::vector<std::string> keys;
    for (int i = 0; i < 70; ++i) { // more than 64 keywords: two words of bits per text
        std::string k;
        for (int j = 0, n = 1 + static_cast<int>(rng() % 4); j < n; ++j)
            k += alphabet[rng() % (alphabet.size() - 1)];
        for (char& c : k)
            c = (c == 'A') ? 'a' : (c == 'B') ? 'b' : c;
        keys.push_back(k);
    }
    const detail::KeywordMatcher m(keys);
    // 37 texts walked five side by side, lanes taking the next text as theirs end and the last
    // ones finishing alone; lengths 0 to 59, then 0 to 899, with a keyword planted across the
    // 256th byte in some.
    for (const unsigned max_len : {60u, 900u}) {
        std::vector<std::string> texts(37);
        for (auto& text : texts)
            for (int j = 0, n = static_cast<int>(rng() % max_len); j < n; ++j)
                text += alphabet[rng() % alphabet.size()];
        if (max_len > 256)
            for (std::size_t t = 0; t < texts.size(); t += 3)
                if (texts[t].size() > 300)
                    texts[t].replace(254, keys[t].size(), keys[t]);
        std::vector<std::string_view> views(texts.begin(), texts.end());
        const std::size_t words = 2;
        std::vector<std::uint64_t> bits(texts.size() * words, 0);
        m.scan_many(views.data(), views.size(), bits.data(), words);
        for (std::size_t t = 0; t < texts.size(); ++t) {
            std::string lower = texts[t];
            for (char& c : lower)
                c = (c == 'A') ? 'a' : (c == 'B') ? 'b' : c;
            for (std::size_t i = 0; i < keys.size(); ++i) {
                const bool naive = lower.find(keys[i]) != std::string::npos;
                CHECK(((bits[t * words + i / 64] >> (i % 64)) & 1) == (naive ? 1u : 0u));
            }
        }
    }
}

namespace {
// Bit i of text t's words, as scan_many left them.
bool bit(const std::vector<std::uint64_t>& bits, std::size_t words, std::size_t t, std::size_t i) {
    return (bits[t * words + i / 64] >> (i % 64)) & 1;
}
// Whether a naive search finds key in text (ASCII letters folded to lower case in both).
bool naive_has(std::string text, std::string key) {
    for (std::string* s : {&text, &key})
        for (char& c : *s)
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c + 32);
    return text.find(key) != std::string::npos;
}
} // namespace

// scan_many walks the texts in five lanes; a lane whose text ends takes the next one, starting
// again from the automaton's start. So texts must never join: a keyword split over the end of
// one text and the start of the next is in neither.
TEST_CASE("scanning texts side by side never joins two texts") {
    const detail::KeywordMatcher m({"abc", "b", "cab", "\xe6\xbc\x8f"});
    // The lanes take texts in turn: "ab" then "c" land in different lanes or one after the
    // other in the same lane, and "abc" must not be found either way; empty texts are passed.
    std::vector<std::string> texts = {"ab", "c", "",     "a",        "bc",  "ca",
                                      "b",  "",  "\xe6", "\xbc\x8f", "cab", "xabcx",
                                      "AB", "C", "",     "\xe6\xbc", "\x8f"};
    for (int i = 0; i < 40; ++i) // many short texts: lanes hand over often
        texts.push_back(i % 3 ? "ab" : "c");
    std::vector<std::string_view> views(texts.begin(), texts.end());
    const std::size_t words = 1;
    std::vector<std::uint64_t> bits(texts.size() * words, 0);
    m.scan_many(views.data(), views.size(), bits.data(), words);
    const std::vector<std::string> keys = {"abc", "b", "cab", "\xe6\xbc\x8f"};
    for (std::size_t t = 0; t < texts.size(); ++t)
        for (std::size_t i = 0; i < keys.size(); ++i) {
            INFO("text " << t << " keyword " << i);
            CHECK(bit(bits, words, t, i) == naive_has(texts[t], keys[i]));
        }
    // By hand: "ab" holds b only, "c" nothing, "xabcx" abc and b, "cab" cab and b.
    CHECK(bits[0] == 0b0010u);
    CHECK(bits[1] == 0u);
    CHECK(bits[10] == 0b0110u);
    CHECK(bits[11] == 0b0011u);
    CHECK(bits[9] == 0u); // the end of a character without its start
    CHECK(bits[15] == 0u);
}

// Lanes walk together as far as the shortest text left, then the lanes at their ends take new
// texts and the others go on from where they were: a keyword across such a point is found.
TEST_CASE("a lane goes on through its text while the others change texts") {
    const detail::KeywordMatcher m({"abcd", "xa"});
    // The first text's "abcd" straddles the points where the shorter texts beside it ("xxa",
    // "x", "xx", "xa") end and their lanes take the next; the last texts finish alone.
    const std::vector<std::string_view> texts = {"xxabcdx", "xxa", "x", "xx", "xa",
                                                 "abcd",    "zz",  "a", "ab", "zzzzzzabcd"};
    std::vector<std::uint64_t> bits(texts.size(), 0);
    m.scan_many(texts.data(), texts.size(), bits.data(), 1);
    const std::vector<std::uint64_t> expected = {0b11, 0b10, 0, 0, 0b10, 0b01, 0, 0, 0, 0b01};
    CHECK(bits == expected);
}

// Keywords of any byte values, 0x00 and 0xff among them, and of every byte value at once.
TEST_CASE("scanning many texts finds what a naive search finds whatever bytes keywords use") {
    std::mt19937 rng(23);
    for (const bool every_byte : {false, true}) {
        std::vector<std::string> keys;
        if (every_byte) // each byte value in some keyword (upper-case letters fold to lower)
            for (int c = 0; c < 256; c += 2)
                keys.push_back(std::string{static_cast<char>(c), static_cast<char>(c + 1)});
        const std::string alphabet("ab\xff\x00\x01Z", 6);
        for (int i = 0; i < 30; ++i) {
            std::string k;
            for (int j = 0, n = 1 + static_cast<int>(rng() % 3); j < n; ++j)
                k += alphabet[rng() % (alphabet.size() - 1)]; // no 'Z': keys are folded
            keys.push_back(k);
        }
        const detail::KeywordMatcher m(keys);
        std::vector<std::string> texts(70);
        for (auto& text : texts)
            for (int j = 0, n = static_cast<int>(rng() % 12); j < n; ++j)
                text += alphabet[rng() % alphabet.size()];
        std::vector<std::string_view> views(texts.begin(), texts.end());
        const std::size_t words = (keys.size() + 63) / 64;
        std::vector<std::uint64_t> bits(texts.size() * words, 0);
        m.scan_many(views.data(), views.size(), bits.data(), words);
        for (std::size_t t = 0; t < texts.size(); ++t)
            for (std::size_t i = 0; i < keys.size(); ++i) {
                INFO("every byte " << every_byte << " text " << t << " keyword " << i);
                CHECK(bit(bits, words, t, i) == naive_has(texts[t], keys[i]));
            }
    }
}

// A state can end several keywords: its own (a keyword given twice) and those along its
// failure links ("she" ends he too), reported through the output chain.
TEST_CASE("a state that ends several keywords reports them all") {
    const detail::KeywordMatcher m({"she", "he", "e", "she", "hers"});
    CHECK(found(m, "she") == std::vector<std::size_t>{0, 1, 2, 3});
    CHECK(found(m, "hers") == std::vector<std::size_t>{1, 2, 4});
    const std::vector<std::string_view> texts(9, "she");
    std::vector<std::uint64_t> bits(texts.size(), 0);
    m.scan_many(texts.data(), texts.size(), bits.data(), 1);
    for (std::uint64_t b : bits)
        CHECK(b == 0b01111u);
}

// Rows that need a keyword are skipped unless one of their keywords is in the content; rows
// whose keywords are optional (under any or not) are always evaluated.
TEST_CASE("the keyword prefilter never changes a decision") {
    const auto rules = RuleSet::from_json(R"({"sections": [
      {"name": "nature", "hit": "first", "rows": [
        {"id": "n-leak", "when": {"all": [{"keywords": ["leak", "漏水"]}], "category": "quality"},
         "then": {"nature": "valid", "sla_policy": "repair"}},
        {"id": "n-either", "when": {"any": [{"keywords": ["noise"]}, {"channel": ["media"]}]},
         "then": {"nature": "major"}},
        {"id": "n-not", "when": {"not": {"keywords": ["thanks"]}, "channel": ["letter"]},
         "then": {"nature": "venting"}},
        {"id": "n-default", "then": {"nature": "consulting"}}
      ]},
      {"name": "tags", "hit": "collect", "rows": [
        {"id": "t-water", "when": {"keywords": {"any": ["leak", "flood"], "none": ["fixed"]}},
         "then": {"tags": ["water"]}},
        {"id": "t-urgent", "when": {"keywords": ["urgent", "紧急"]}, "then": {"tags": ["urgent"]}},
        {"id": "t-all", "then": {"tags": ["seen"]}}
      ]},
      {"name": "severity", "hit": "priority", "rows": [
        {"id": "s-fire", "when": {"keywords": ["fire"]}, "then": {"severity": "p1"}},
        {"id": "s-leak", "when": {"keywords": ["leak"]}, "then": {"severity": "p2"}},
        {"id": "s-base", "then": {"severity": "p4"}}
      ]}
    ]})");
    struct Case {
        const char* content;
        Channel channel;
        Category category;
        std::vector<std::string_view> matched; // worked out from the table by hand
    };
    const std::vector<Case> cases = {
        // "Leak" folds to leak: n-leak (quality), t-water, t-all, s-leak beats s-base.
        {"Leak under the sink",
         Channel::phone,
         Category::quality,
         {"n-leak", "t-water", "t-all", "s-leak"}},
        // leak but "fixed": t-water's none fails; category equipment: n-leak fails, n-default.
        {"leak fixed, fire now, 紧急",
         Channel::phone,
         Category::equipment,
         {"n-default", "t-urgent", "t-all", "s-fire"}},
        // no keyword at all: n-either through media, n-not needs letter.
        {"", Channel::media, Category::other, {"n-either", "t-all", "s-base"}},
        // letter without "thanks": n-not.
        {"see attached", Channel::letter, Category::other, {"n-not", "t-all", "s-base"}},
        {"thanks for nothing", Channel::letter, Category::other, {"n-default", "t-all", "s-base"}},
        {"noise at night, 漏水", Channel::online, Category::quality, {"n-leak", "t-all", "s-base"}},
    };
    std::vector<Facts> facts;
    for (const auto& c : cases) {
        Facts f;
        f.content = c.content;
        f.channel = c.channel;
        f.category = c.category;
        facts.push_back(f);
    }
    // Twenty copies in a batch: five lanes handing texts on, the last ones finishing alone.
    std::vector<Facts> batch;
    for (int copy = 0; copy < 20; ++copy)
        batch.insert(batch.end(), facts.begin(), facts.end());
    std::vector<Decision> out(batch.size());
    rules.classify_many(batch.data(), batch.size(), out.data());
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const Case& c = cases[i % cases.size()];
        INFO("case " << i % cases.size() << ": " << c.content);
        CHECK(rules.classify(batch[i]).matched == c.matched);
        CHECK(out[i].matched == c.matched);
    }
}

TEST_CASE("DOMAIN.md's rules decide nature, severity and tags") {
    const RuleSet rules = RuleSet::from_json(domain_rules);
    CHECK(rules.row_count() == 13);
    CHECK(rules.warnings().empty());

    Facts f;
    f.channel = Channel::media;
    f.category = Category::sudden_event;
    f.content = "Water LEAK on the 3rd floor";
    f.building = "T3";
    f.unit = "0302";
    f.hours_since_received = 0.5;
    Decision d = rules.classify(f);
    CHECK(d.nature == Nature::major);
    CHECK(d.escalate_to == Role::general_manager);
    CHECK(d.visit_method == VisitMethod::on_site);
    CHECK(d.severity == Severity::p1); // sudden event, the highest matching severity
    CHECK(d.tags == std::vector<std::string_view>{"water", "fresh", "tower"});
    CHECK(d.matched ==
          std::vector<std::string_view>{"escalated-outside", "sudden", "water", "night", "tower"});
    CHECK_FALSE(d.sla_policy);

    Facts g;
    g.channel = Channel::phone;
    g.content = "请问物业费怎么交？";
    g.reporter_count = 12;
    g.unit = "1202";
    g.hours_since_received = 0.5;
    g.missed_targets = {"first_feedback"};
    rules.classify(g, d);
    CHECK(d.nature == Nature::consulting);
    CHECK(d.sla_policy == "consultation");
    CHECK(d.severity == Severity::p2);
    CHECK(d.visit_method == VisitMethod::meeting); // from the severity row
    CHECK(d.escalate_to == Role::cs_manager);      // from the collected tags section
    CHECK(d.tags == std::vector<std::string_view>{"late"});

    Facts h;
    h.category = Category::attitude;
    h.content = "the service is TERRIBLE";
    h.tags = {"vip"};
    h.repeat_count = 4;
    h.hours_since_received = 3;
    rules.classify(h, d);
    CHECK(d.nature == Nature::venting);
    CHECK(d.severity == Severity::p2); // repeat_count 4 is within [2, 4]
    CHECK(d.tags.empty());
    h.repeat_count = 5;
    h.tags = {"outside_scope"};
    rules.classify(h, d);
    CHECK(d.nature == Nature::invalid);
    CHECK(d.severity == Severity::p4);
    CHECK_FALSE(d.sla_policy);
}

TEST_CASE("explanations name the rows that matched and the condition that failed") {
    const RuleSet rules = RuleSet::from_json(domain_rules);
    Facts f;
    f.channel = Channel::phone;
    f.category = Category::attitude;
    f.content = "terrible";
    f.unit = "1202";
    f.hours_since_received = 5;
    const Explanation ex = rules.explain(f);
    REQUIRE(ex.rows.size() == 13);
    CHECK(ex.rows[0].id == "escalated-outside");
    CHECK_FALSE(ex.rows[0].matched);
    CHECK(ex.rows[0].failed == "channel in [authority, media] (was phone)");
    CHECK(ex.rows[1].failed == "tags any of [outside_scope]");
    CHECK(ex.rows[3].id == "venting");
    CHECK(ex.rows[3].matched);
    CHECK(ex.rows[3].decided);
    CHECK(ex.rows[4].matched); // the default row matches too, but first hit took venting
    CHECK_FALSE(ex.rows[4].decided);
    CHECK(ex.rows[10].failed == "hours_since_received gt 0 lt 1 (was 5.000000)");
    const std::string text = ex.text();
    // Since 0.7 a matched row names the keywords it found (here as the profile wrote it).
    CHECK(ex.rows[3].keywords == std::vector<std::string>{"terrible"});
    CHECK(text.find("nature venting: decided (keywords: terrible)\n") != std::string::npos);
    CHECK(text.find("nature default: matched, not used\n") != std::string::npos);
}

TEST_CASE("rule sets are validated with every problem and its place") {
    const std::string msg = message_of([] {
        RuleSet::from_json(R"({"sections": [{"name": "n", "hit": "first", "rows": [
            {"id": "a", "when": {"channel": "sms"}, "then": {"nature": "valid"}},
            {"id": "a", "when": {"colour": "red"}, "then": {"nature": "good"}},
            {"id": "c", "when": {"reporter_count": {"over": 3}}, "then": {}},
            {"id": "d", "when": {"keywords": {"some": ["x"]}, "tags": 5}},
            {"id": "e", "when": {"reporter_count": {"between": [5, 1]}}, "then": {"x": 1}}
          ]}, {"hit": "priority", "rows": [{"id": "p", "then": {"nature": "valid"}}]},
          {"hit": "sometimes"}], "extra": 1})");
    });
    INFO(msg);
    for (const char* expected : {
             "/sections/0/rows/0/when/channel: unknown channel 'sms'; expected one of phone, "
             "visit, letter, online, authority, media, other",
             "/sections/0/rows/1/id: duplicate row id 'a'; first used at /sections/0/rows/0",
             "/sections/0/rows/1/when/colour: unknown condition",
             "/sections/0/rows/1/then/nature: expected a nature, one of unjudged, valid",
             "/sections/0/rows/2/when/reporter_count/over: unknown comparison",
             "/sections/0/rows/3/when/keywords/some: unknown mode",
             "/sections/0/rows/3/when/tags: expected a list of tags",
             "/sections/0/rows/3: a row needs outputs (then)",
             "/sections/0/rows/4/when/reporter_count/between: expected [low, high]",
             "/sections/0/rows/4/then/x: unknown output",
             "/sections/1/rows/0/then: a row under the priority hit policy needs a severity",
             "/sections/2/hit: expected a hit policy: first, collect or priority",
             "/extra: unknown key; expected sections, repeat_window_days or fold_keywords",
         })
        CHECK(msg.find(expected) != std::string::npos);
    // Unreachable rows under `first` are warnings, not errors.
    const RuleSet warned = RuleSet::from_json(R"({"sections": [{"name": "n", "rows": [
        {"id": "all", "then": {"nature": "valid"}}, {"id": "never", "when": {"channel": "media"},
        "then": {"nature": "major"}}]}]})");
    REQUIRE(warned.warnings().size() == 1);
    CHECK(warned.warnings()[0].pointer == "/sections/0/rows/1");
    // An empty rule set decides nothing.
    const RuleSet empty = RuleSet::from_json(R"({"sections": []})");
    const Decision none = empty.classify(Facts{});
    CHECK_FALSE(none.nature);
    CHECK(none.matched.empty());
    CHECK(code_of([] {
              RuleSet::from_json(R"({"sections": [{"rows": [{"when": {"keywords":
        ["\xff"]}, "then": {"nature": "valid"}}]}]})");
          }) == errc::parse);
    auto nested = [](int levels) {
        std::string deep = R"({"sections": [{"rows": [{"then": {"nature": "valid"}, "when": )";
        for (int i = 0; i < levels; ++i)
            deep += R"({"not": )";
        deep += "{}";
        for (int i = 0; i < levels; ++i)
            deep += "}";
        return deep + "}]}]}";
    };
    CHECK(message_of([&] {
              RuleSet::from_json(nested(40));
          }).find("conditions nest deeper than 16 levels") != std::string::npos);
    CHECK(code_of([&] { RuleSet::from_json(nested(10000)); }) == errc::too_large);
    CHECK(code_of([&] { RuleSet::from_json(nested(10)); }) == errc::ok);
}

TEST_CASE("numeric conditions: inclusive ranges and strict bounds on integers") {
    const RuleSet rules = RuleSet::from_json(R"({"sections": [{"name": "s", "hit": "collect",
        "rows": [{"id": "gt2", "when": {"reporter_count": {"gt": 2}}, "then": {"tags": ["gt2"]}},
                 {"id": "b", "when": {"reporter_count": {"between": [3, 5]}},
                  "then": {"tags": ["b"]}},
                 {"id": "eq7", "when": {"reporter_count": 7}, "then": {"tags": ["eq7"]}},
                 {"id": "lt", "when": {"reporter_count": {"lt": 2.5}}, "then": {"tags": ["lt"]}}]}]})");
    auto tags_for = [&](int n) {
        Facts f;
        f.reporter_count = n;
        std::string s;
        for (auto t : rules.classify(f).tags)
            s += std::string(t) + " ";
        return s;
    };
    CHECK(tags_for(2) == "lt ");
    CHECK(tags_for(3) == "gt2 b ");
    CHECK(tags_for(5) == "gt2 b ");
    CHECK(tags_for(6) == "gt2 ");
    CHECK(tags_for(7) == "gt2 eq7 ");
}

TEST_CASE("facts of a complaint include its history") {
    Complaint c("C", 1000);
    c.set_channel(Channel::online);
    c.set_content("leak");
    c.add_tag("vip");
    Event e = Event::of(EventType::record, 1100);
    c.apply(e);
    const Facts f = Facts::of(c, 1000 + 7200);
    CHECK(f.channel == Channel::online);
    CHECK(f.content == "leak");
    CHECK(f.tags == std::vector<std::string_view>{"vip"});
    CHECK(f.hours_since_received == Approx(2.0));
    CHECK(f.reopens == 0);
    CHECK(f.unsatisfied_visits == 0);
}

TEST_CASE("conditions on a calendar's hours: received in or outside them") {
    std::map<std::string, Calendar, std::less<>> calendars;
    calendars.emplace("office", Calendar::from_json(R"({"timezone": "Asia/Shanghai",
        "week": {"mon": [["09:00", "18:00"]]}})"));
    const RuleSet rules = RuleSet::from_json(R"({"sections": [{"name": "s", "hit": "collect",
        "rows": [{"id": "night", "when": {"received": {"outside": "office"}},
                  "then": {"tags": ["out-of-hours"]}},
                 {"id": "day", "when": {"received": {"in": "office"}},
                  "then": {"tags": ["in-hours"]}}]}]})",
                                             calendars);
    Facts f;
    f.received = parse_iso8601("2026-03-02T10:00:00+08:00"); // a Monday, in hours
    CHECK(rules.classify(f).tags == std::vector<std::string_view>{"in-hours"});
    f.received = parse_iso8601("2026-03-02T20:00:00+08:00");
    CHECK(rules.classify(f).tags == std::vector<std::string_view>{"out-of-hours"});
    f.received = parse_iso8601("2300-01-01T00:00:00Z"); // beyond the years: outside
    CHECK(rules.classify(f).tags == std::vector<std::string_view>{"out-of-hours"});
    CHECK(message_of([] {
              RuleSet::from_json(R"({"sections": [{"rows": [{"id": "x",
                  "when": {"received": {"in": "night"}}, "then": {"tags": ["t"]}}]}]})");
          }).find("/sections/0/rows/0/when/received/in: undefined calendar 'night'") !=
          std::string::npos);
}

TEST_CASE("keyword lists that would need a huge automaton are refused") {
    std::string rows;
    for (int r = 0; r < 300; ++r) { // 300 keywords of 250 bytes: 75,000 bytes in all
        std::string k(250, static_cast<char>('a' + r % 26));
        k += std::to_string(r);
        rows += std::string(rows.empty() ? "" : ",") + R"({"id": "r)" + std::to_string(r) +
                R"(", "when": {"keywords": [")" + k + R"("]}, "then": {"tags": ["t"]}})";
    }
    const std::string doc = R"({"sections": [{"hit": "collect", "rows": [)" + rows + "]}]}";
    CHECK(message_of([&] {
              RuleSet::from_json(doc);
          }).find("the keywords add up to more than 65,536 bytes") != std::string::npos);
}

// Under first hit a row that an earlier row covers is never used: each case below is read off
// the conditions by hand.
TEST_CASE("rows covered by an earlier row are warned about under first hit") {
    const char* rows = R"([
      {"id": "A", "when": {"channel": ["phone", "visit"]}, "then": {"nature": "valid"}},
      {"id": "B", "when": {"channel": "phone", "reporter_count": {"gte": 3}},
       "then": {"nature": "major"}},
      {"id": "C", "when": {"keywords": ["leak", "flood"], "category": "equipment"},
       "then": {"nature": "valid"}},
      {"id": "D", "when": {"keywords": ["leak"], "category": "equipment", "channel": "online"},
       "then": {"nature": "major"}},
      {"id": "E", "when": {"reporter_count": {"between": [2, 5]}}, "then": {"nature": "valid"}},
      {"id": "F", "when": {"reporter_count": {"between": [3, 10]}}, "then": {"nature": "valid"}},
      {"id": "G", "when": {"hours_since_received": {"gt": 5}}, "then": {"nature": "valid"}},
      {"id": "H", "when": {"hours_since_received": {"gte": 5}}, "then": {"nature": "valid"}},
      {"id": "I", "when": {"hours_since_received": {"gt": 6}, "channel": "letter"},
       "then": {"nature": "valid"}},
      {"id": "J", "when": {"any": [{"channel": "phone"}, {"channel": "media"}]},
       "then": {"nature": "valid"}},
      {"id": "K", "when": {"keywords": {"none": ["thanks"]}}, "then": {"nature": "valid"}},
      {"id": "L", "when": {"keywords": {"none": ["thanks", "ok"]}, "channel": "media"},
       "then": {"nature": "valid"}}
    ])";
    auto warned = [](const RuleSet& r) {
        std::vector<std::string> out;
        for (const auto& w : r.warnings())
            out.push_back(w.pointer + " " + w.message);
        return out;
    };
    const RuleSet first = RuleSet::from_json(
        std::string(R"({"sections": [{"hit": "first", "rows": )") + rows + "}]}");
    // B: phone ⊂ {phone, visit}, A has no other test. D: leak ⊂ {leak, flood}, same category.
    // F: 6..10 is outside 2..5. H: exactly 5 hours is not "gt 5". I: gt 6 within gt 5.
    // J: an `any` is never compared. L: none of {thanks, ok} implies none of {thanks}.
    CHECK(
        warned(first) ==
        std::vector<std::string>{
            "/sections/0/rows/1 unreachable: row 'A' before it matches every complaint it matches",
            "/sections/0/rows/3 unreachable: row 'C' before it matches every complaint it matches",
            "/sections/0/rows/8 unreachable: row 'G' before it matches every complaint it matches",
            "/sections/0/rows/11 unreachable: row 'K' before it matches every complaint it "
            "matches"});
    // The same rows collected: every matching row counts, nothing is unreachable.
    const RuleSet collect = RuleSet::from_json(
        std::string(R"({"sections": [{"hit": "collect", "rows": )") + rows + "}]}");
    CHECK(collect.warnings().empty());
    // The shipped profiles have no covered rows.
    CHECK(Profile::default_profile().warnings().empty());
}

TEST_CASE("rules: the repeat window") {
    // Absent: 30 days (2,592,000 s).
    CHECK(RuleSet().repeat_window() == 30 * 86400);
    CHECK(RuleSet::from_json(R"({"sections": []})").repeat_window() == 2592000);
    const RuleSet week = RuleSet::from_json(R"({"repeat_window_days": 7, "sections": []})");
    CHECK(week.repeat_window() == 604800);
    // Written back out as given.
    CHECK(week.to_json().find("\"repeat_window_days\":7") != std::string::npos);
    CHECK(RuleSet::from_json(week.to_json()).repeat_window() == 604800);
    CHECK(RuleSet::from_json(R"({"repeat_window_days": 3650})").repeat_window() == 3650LL * 86400);
    for (const char* bad : {R"({"repeat_window_days": 0})", R"({"repeat_window_days": 3651})",
                            R"({"repeat_window_days": 1.5})", R"({"repeat_window_days": "7"})",
                            R"({"repeat_window_days": null})", R"({"repeat_window_days": -7})",
                            R"({"repeat_window_days": 1e300})"}) {
        INFO(bad);
        try {
            RuleSet::from_json(bad);
            FAIL("accepted");
        } catch (const error& e) {
            CHECK(e.code() == errc::validation);
            CHECK(std::string(e.what()).find(
                      "/repeat_window_days: expected a whole number of days, 1 to 3650") !=
                  std::string::npos);
        }
    }
    // The default profile says 30 days in so many words.
    CHECK(Profile::default_profile().rules().repeat_window() == 2592000);
    CHECK(Profile::default_profile().to_json().find("\"repeat_window_days\": 30") !=
          std::string::npos);
}

TEST_CASE("rules: the keywords of a rule set, and those found in a text") {
    const RuleSet rs = RuleSet::from_json(R"({"sections": [{"name": "n", "rows": [
        {"id": "a", "when": {"keywords": ["Leak", "漏水"]}, "then": {"tags": ["x"]}},
        {"id": "b", "when": {"keywords": {"none": ["leak", "Power Cut"]}},
         "then": {"tags": ["y"]}}]}]})");
    // Once each, in the order first met and the form first written (since 0.7; folded before):
    // "Leak" and "leak" are one keyword.
    CHECK(rs.keywords() == std::vector<std::string>{"Leak", "漏水", "Power Cut"});
    std::vector<std::uint32_t> found{99};
    rs.find_keywords("POWER CUT and a leak, leak again", found);
    CHECK(found == std::vector<std::uint32_t>{0, 2});
    rs.find_keywords("楼上漏水", found);
    CHECK(found == std::vector<std::uint32_t>{1});
    rs.find_keywords("nothing here", found);
    CHECK(found.empty());
    rs.find_keywords("", found);
    CHECK(found.empty());
    // Many texts at once: by hand for three, then against find_keywords text by text for 1,100
    // (two chunks of 512 and a tail; five lanes handing texts on, the last finishing alone).
    const std::string_view three[] = {"leak LEAK", "漏水 power cut", ""};
    std::size_t counts[3] = {0, 0, 0};
    rs.count_keywords(three, 3, counts);
    CHECK(counts[0] == 1);
    CHECK(counts[1] == 1);
    CHECK(counts[2] == 1);
    std::vector<std::string> many;
    const char* parts[] = {"leak", "漏水", "power cut", "Power", " cut", "x", "楼上", "LEAK"};
    for (std::size_t i = 0; i < 1100; ++i) {
        std::string t;
        for (std::size_t j = 0; j < i % 7; ++j)
            t += parts[(i * 3 + j * 5) % 8];
        many.push_back(t);
    }
    std::vector<std::string_view> views(many.begin(), many.end());
    std::size_t batch[3] = {0, 0, 0}, single[3] = {0, 0, 0};
    rs.count_keywords(views.data(), views.size(), batch);
    for (const auto& t : many) {
        rs.find_keywords(t, found);
        for (auto k : found)
            ++single[k];
    }
    CHECK(batch[0] == single[0]);
    CHECK(batch[1] == single[1]);
    CHECK(batch[2] == single[2]);
    CHECK(single[0] > 0);
    CHECK(single[2] > 0);
    const RuleSet none;
    CHECK(none.keywords().empty());
    found = {1};
    none.find_keywords("leak", found);
    CHECK(found.empty());
}

TEST_CASE("a complaint's age never wraps, whatever the two instants (issue 12)") {
    constexpr Instant lo = std::numeric_limits<Instant>::min();
    constexpr Instant hi = std::numeric_limits<Instant>::max();
    // Received at 0, classified at INT64_MIN: -2^63 s, i.e. -2^63 / 3600 hours (negative: read
    // before it was received). now - received overflowed here before.
    const Complaint at_zero("C", 0);
    CHECK(Facts::of(at_zero, lo).hours_since_received == Approx(-9223372036854775808.0 / 3600));
    // Received at INT64_MIN, classified at INT64_MAX: 2^64 - 1 s, about 5.12e15 hours.
    const Complaint first("C", lo);
    CHECK(Facts::of(first, hi).hours_since_received == Approx(18446744073709551615.0 / 3600));
    CHECK(Facts::of(first, hi).hours_since_received > 5.1e15);
    // And the other way: received at INT64_MAX, classified at INT64_MIN.
    const Complaint last("C", hi);
    CHECK(Facts::of(last, lo).hours_since_received == Approx(-18446744073709551615.0 / 3600));
    // Exact where the difference fits: one second, and 2^62 seconds.
    const Complaint near("C", hi - 1);
    CHECK(Facts::of(near, hi).hours_since_received == 1.0 / 3600);
    CHECK(Facts::of(at_zero, Instant{1} << 62).hours_since_received ==
          4611686018427387904.0 / 3600);

    // The age condition sees the true age: over a day at INT64_MAX, not a wrapped negative.
    const Profile p =
        Profile::from_json(R"({"plaint_profile": 1, "rules": {"sections": [{"name": "age",
        "hit": "collect", "rows": [
          {"id": "old", "when": {"hours_since_received": {"gte": 24}}, "then": {"tags": ["old"]}},
          {"id": "future", "when": {"hours_since_received": {"lt": 0}},
           "then": {"tags": ["future"]}}]}]}})");
    const auto tags_at = [&](const Complaint& c, Instant now) {
        std::string out;
        for (auto t : p.classify(p.facts(c, now, "")).tags)
            out += std::string(t) + " ";
        return out;
    };
    CHECK(tags_at(first, hi) == "old ");
    CHECK(tags_at(at_zero, lo) == "future ");
    CHECK(tags_at(last, lo) == "future ");
    CHECK(tags_at(at_zero, 3600) == "");
}
