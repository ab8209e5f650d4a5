// The written forms of a keyword (internal; the keyword matcher's, src/keywords.hpp). A keyword
// is written once, in any form; its forms are what a text may write it as:
// - the character variants of Chinese, from OpenCC's conversions (its data are the reference
//   tables): simplified (t2s, tw2sp), traditional (s2t), Hong Kong (s2hk) and Taiwan (s2twp,
//   with its phrases: 软件 / 軟體) standard forms;
// - for each of those, Unicode's compatibility and case forms, through ICU: the NFKC case fold
//   (`ＥＬＥＶＡＴＯＲ`, `Elevator` -> `elevator`, `É` -> `é`), the upper case beyond ASCII (`É`),
//   the full-width forms of its ASCII (`ＥＬＥＶＡＴＯＲ`, `１２栋`) and the decomposed (NFD)
//   forms.
// The matcher adds every form as a pattern reporting the one keyword, so that texts are scanned
// as they are, never converted (the scan's speed is the rules'); ASCII case it folds itself.
// OpenCC and ICU stay inside src/fold.cpp.
#pragma once

#include "plaint/config.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

PLAINT_BEGIN_NAMESPACE
namespace detail {

// The one form every written form of `keyword` (valid UTF-8) folds to: the NFKC case fold of
// its simplified form. Two keywords are the same keyword when their folds are equal. Empty when
// the keyword holds only characters the fold drops (format characters, variation selectors).
std::string fold_keyword(std::string_view keyword);

// The forms a text may write `keyword` in (see above), the fold first, each once (ASCII case
// aside); none when the fold is empty.
std::vector<std::string> keyword_forms(std::string_view keyword);

// The forms of many keywords, as keyword_forms of each (OpenCC's converters are loaded once in
// the process, on first use, and shared).
std::vector<std::vector<std::string>> keyword_forms(const std::vector<std::string>& keywords);

// keyword_forms for the keywords of one rule set, faster: OpenCC converts each run of non-ASCII
// characters once per rule set (the runs between ASCII, 栋漏水 of 12栋漏水, recur across keywords),
// and a keyword of ASCII and CJK unified ideographs only, which NFKC and case leave alone but
// for its ASCII letters, skips ICU. The same forms as keyword_forms, but for an OpenCC phrase
// that would span ASCII and Chinese (U盘), which is converted in its two parts.
class FormMaker {
public:
    FormMaker();
    ~FormMaker();
    FormMaker(const FormMaker&) = delete;
    FormMaker& operator=(const FormMaker&) = delete;
    std::vector<std::string> forms(std::string_view keyword);

private:
    struct Memo;
    std::unique_ptr<Memo> memo_;
};

} // namespace detail
PLAINT_END_NAMESPACE
