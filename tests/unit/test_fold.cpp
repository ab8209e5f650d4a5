// The written forms of keywords (src/fold.hpp) and the matcher over them (src/keywords.hpp).
// Expected forms are the ones a reader of the conversion tables writes down: traditional
// 電梯 for 电梯, the Taiwan phrase 軟體 for 软件, full-width letters U+FF21.., É for é.
#include "../../src/fold.hpp"
#include "../../src/keywords.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace plaint;

namespace {
bool has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}
std::vector<std::size_t> found(const detail::KeywordMatcher& m, std::string_view text) {
    std::vector<std::uint64_t> bits((m.size() + 63) / 64);
    m.scan(text, bits.data());
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < m.size(); ++i)
        if (bits[i / 64] >> (i % 64) & 1)
            out.push_back(i);
    return out;
}
} // namespace

TEST_CASE("fold: every written form of a keyword folds to its simplified NFKC case fold") {
    CHECK(detail::fold_keyword("電梯") == "电梯");
    CHECK(detail::fold_keyword("电梯") == "电梯");
    CHECK(detail::fold_keyword("請問") == "请问");
    CHECK(detail::fold_keyword("ＥＬＥＶＡＴＯＲ") == "elevator");
    CHECK(detail::fold_keyword("Elevator") == "elevator");
    CHECK(detail::fold_keyword("É") == "é");
    CHECK(detail::fold_keyword("E\xcc\x81") == "é"); // e and a combining acute accent
    CHECK(detail::fold_keyword("１２栋") == "12栋");
    // Only characters the fold drops: a zero-width space, a soft hyphen, a variation selector.
    CHECK(detail::fold_keyword("\xe2\x80\x8b\xc2\xad\xef\xb8\x8f").empty());
    CHECK(detail::keyword_forms("\xe2\x80\x8b").empty());
}

TEST_CASE("fold: the forms of a keyword are its OpenCC variants with their width and case") {
    const auto lift = detail::keyword_forms("电梯");
    REQUIRE(!lift.empty());
    CHECK(lift.front() == "电梯");
    CHECK(has(lift, "電梯"));
    const auto software = detail::keyword_forms("软件");
    CHECK(has(software, "軟件"));                  // s2t, s2hk
    CHECK(has(software, "軟體"));                  // s2twp: the Taiwan phrase
    const auto tw = detail::keyword_forms("軟體"); // written in Taiwan: the mainland phrase too
    CHECK(tw.front() == "软体");
    CHECK(has(tw, "软件"));
    const auto hk = detail::keyword_forms("着火"); // Hong Kong writes 着, Taiwan 著
    CHECK(has(hk, "著火"));
    const auto word = detail::keyword_forms("Elevator");
    CHECK(word.front() == "elevator");
    CHECK(has(word, "ＥＬＥＶＡＴＯＲ"));
    CHECK(has(word, "ｅｌｅｖａｔｏｒ"));
    const auto accent = detail::keyword_forms("café");
    CHECK(has(accent, "CAFÉ"));
    CHECK(has(accent, "cafe\xcc\x81")); // decomposed
    const auto numbered = detail::keyword_forms("12栋电梯");
    CHECK(has(numbered, "１２栋电梯"));
    CHECK(has(numbered, "12棟電梯"));
}

TEST_CASE("keywords: a matcher over forms reports the keyword for each of them") {
    const auto m = detail::KeywordMatcher::with_forms(
        detail::keyword_forms(std::vector<std::string>{"电梯", "请问", "elevator", "é"}));
    REQUIRE(m.size() == 4);
    CHECK(found(m, "電梯停運") == std::vector<std::size_t>{0});
    CHECK(found(m, "电梯停运") == std::vector<std::size_t>{0});
    CHECK(found(m, "請問物業費怎麼交") == std::vector<std::size_t>{1});
    CHECK(found(m, "ＥＬＥＶＡＴＯＲ broke") == std::vector<std::size_t>{2});
    CHECK(found(m, "the Elevator") == std::vector<std::size_t>{2});
    CHECK(found(m, "CAFÉ") == std::vector<std::size_t>{3});
    CHECK(found(m, "cafe").empty());
    CHECK(m.where(0, "昨天電梯停運了") == "電梯");
    CHECK(m.where(2, "my ＥＬＥＶＡＴＯＲ") == "ＥＬＥＶＡＴＯＲ");
    CHECK(m.where(2, "the LIFT").data() == nullptr);
}

// The C++ face, with the default profile as a new user tries it (the issue's pairs).
#include "plaint/profile.hpp"

namespace {
Decision decide(std::string_view content, Category category = Category::other) {
    Facts f;
    f.channel = Channel::phone;
    f.category = category;
    f.content = content;
    return Profile::default_profile().classify(f);
}
bool tagged(const Decision& d, std::string_view tag) {
    return std::find(d.tags.begin(), d.tags.end(), tag) != d.tags.end();
}
std::vector<std::string> found_names(const RuleSet& rs, std::string_view text) {
    std::vector<std::uint32_t> ids;
    rs.find_keywords(text, ids);
    std::vector<std::string> names;
    for (auto i : ids)
        names.push_back(rs.keywords()[i]);
    return names;
}
} // namespace

TEST_CASE("rules: traditional, simplified, Hong Kong, Taiwan, full-width and accented forms") {
    // Consultation: 请问 in the profile, the question in simplified and in traditional.
    CHECK(decide("请问物业费怎么交").nature == Nature::consulting);
    CHECK(decide("請問物業費怎麼交").nature == Nature::consulting);
    // The elevator tag: 电梯 and elevator in the profile.
    CHECK(tagged(decide("电梯停运"), "elevator"));
    CHECK(tagged(decide("電梯停運"), "elevator"));
    CHECK(tagged(decide("ELEVATOR"), "elevator"));
    CHECK(tagged(decide("ＥＬＥＶＡＴＯＲ"), "elevator"));
    CHECK(tagged(decide("ｅｌｅｖａｔｏｒ broken"), "elevator"));
    CHECK_FALSE(tagged(decide("the stairs"), "elevator"));

    const RuleSet rs = RuleSet::from_json(R"({"sections": [{"name": "t", "hit": "collect", "rows": [
        {"id": "soft", "when": {"keywords": ["软件"]}, "then": {"tags": ["software"]}},
        {"id": "fire", "when": {"keywords": ["着火"]}, "then": {"tags": ["fire"]}},
        {"id": "cafe", "when": {"keywords": ["Café"]}, "then": {"tags": ["cafe"]}},
        {"id": "lift", "when": {"keywords": ["電梯", "电梯", "12栋电梯"]}, "then": {"tags": ["lift"]}}
    ]}]})");
    CHECK(rs.folds_keywords());
    // Two written forms of one word are one keyword, in the form first written.
    CHECK(rs.keywords() == std::vector<std::string>{"软件", "着火", "Café", "電梯", "12栋电梯"});
    CHECK(found_names(rs, "軟體") == std::vector<std::string>{"软件"});   // Taiwan (s2twp)
    CHECK(found_names(rs, "軟件") == std::vector<std::string>{"软件"});   // Hong Kong (s2hk)
    CHECK(found_names(rs, "著火了") == std::vector<std::string>{"着火"}); // Taiwan's 著
    CHECK(found_names(rs, "CAFÉ") == std::vector<std::string>{"Café"});
    CHECK(found_names(rs, "café") == std::vector<std::string>{"Café"});
    CHECK(found_names(rs, "cafe\xcc\x81") == std::vector<std::string>{"Café"}); // decomposed é
    CHECK(found_names(rs, "１２棟電梯") == std::vector<std::string>{"電梯", "12栋电梯"});
    CHECK(found_names(rs, "电梯") == std::vector<std::string>{"電梯"});
    // Explanations say which form matched.
    Facts f;
    f.content = "昨天电梯停运";
    const Explanation ex = rs.explain(f);
    REQUIRE(ex.rows.size() == 4);
    CHECK(ex.rows[3].keywords == std::vector<std::string>{"电梯 as 電梯"});
    CHECK(ex.text().find("t lift: decided (keywords: 电梯 as 電梯)") != std::string::npos);
    CHECK(to_json(ex).find(R"("keywords":["电梯 as 電梯"])") != std::string::npos);
    CHECK(rs.keyword_match(3, "昨天电梯停运") == "电梯");
    CHECK(rs.keyword_match(2, "no coffee").data() == nullptr);
    CHECK(rs.keyword_forms(0).front() == "软件");
    CHECK_THROWS_AS(rs.keyword_forms(5), error);
    CHECK(rs.keyword_memory() > 0);
}

TEST_CASE("rules: \"fold_keywords\": false matches each keyword as written") {
    const RuleSet rs = RuleSet::from_json(R"({"fold_keywords": false, "sections": [{"name": "t",
        "hit": "collect", "rows": [
        {"id": "lift", "when": {"keywords": ["电梯", "Elevator"]}, "then": {"tags": ["lift"]}}]}]})");
    CHECK_FALSE(rs.folds_keywords());
    CHECK(found_names(rs, "电梯 ELEVATOR") == std::vector<std::string>{"电梯", "Elevator"});
    CHECK(found_names(rs, "電梯 ＥＬＥＶＡＴＯＲ").empty());
    CHECK(rs.keyword_forms(0) == std::vector<std::string>{"电梯"});
    // Two keywords that fold alike stay two when folding is off.
    const RuleSet two = RuleSet::from_json(R"({"fold_keywords": false, "sections": [{"name": "t",
        "rows": [{"id": "a", "when": {"keywords": ["電梯", "电梯"]}, "then": {"tags": ["x"]}}]}]})");
    CHECK(two.keywords().size() == 2);
}

TEST_CASE("rules: a keyword that folds to nothing is a validation error with its place") {
    const auto message_of = [](std::string_view json) {
        try {
            RuleSet::from_json(json);
        } catch (const error& e) {
            return std::to_string(static_cast<int>(e.code())) + " " + e.what();
        }
        return std::string("no error");
    };
    const std::string msg = message_of(R"({"sections": [{"name": "t", "rows": [
        {"id": "a", "when": {"keywords": ["电梯", "\u200b\ufe0f"]}, "then": {"tags": ["x"]}}]}]})");
    CHECK(msg.rfind(std::to_string(static_cast<int>(errc::validation)) + " ", 0) == 0);
    CHECK(msg.find("/sections/0/rows/0/when/keywords/1: the keyword folds to nothing") !=
          std::string::npos);
    CHECK(message_of(R"({"fold_keywords": "yes", "sections": []})")
              .find("/fold_keywords: expected true or false") != std::string::npos);
    // With folding off the same keyword is kept as written (it matches itself).
    CHECK_NOTHROW(RuleSet::from_json(R"({"fold_keywords": false, "sections": [{"name": "t",
        "rows": [{"id": "a", "when": {"keywords": ["\u200b"]}, "then": {"tags": ["x"]}}]}]})"));
    // Invalid UTF-8 and lone surrogates keep the document's errors.
    CHECK(message_of("{\"sections\": [{\"name\": \"t\", \"rows\": [{\"id\": \"a\", \"when\": "
                     "{\"keywords\": [\"\xff\"]}, \"then\": {\"tags\": [\"x\"]}}]}]}")
              .find("UTF-8") != std::string::npos);
    CHECK(message_of(R"({"sections": [{"name": "t", "rows": [{"id": "a", "when":
        {"keywords": ["\ud800"]}, "then": {"tags": ["x"]}}]}]})") != "no error");
}

TEST_CASE("fold: a rule set's form maker gives the forms keyword_forms gives") {
    detail::FormMaker maker;
    for (const char* k : {"电梯", "12栋电梯", "电梯-12", "軟體", "着火", "Elevator", "café", "CAFÉ",
                          "how do i", "Ⅲ期", "１２栋", "请问", "12栋请问", "漏水3", "x"}) {
        INFO(k);
        CHECK(maker.forms(k) == detail::keyword_forms(std::string_view(k)));
    }
    // The plain path (ASCII and CJK): full-width forms of its ASCII in both cases.
    const auto f = maker.forms("12栋Lift");
    CHECK(has(f, "１２栋ｌｉｆｔ"));
    CHECK(has(f, "１２栋ＬＩＦＴ"));
    CHECK(has(f, "12棟lift"));
}
