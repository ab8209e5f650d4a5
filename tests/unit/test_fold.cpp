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
    const detail::KeywordMatcher m(
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
