#include "fold.hpp"

#include <opencc/opencc.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <array>
#include <mutex>
#include <stdexcept>

PLAINT_BEGIN_NAMESPACE
namespace detail {

namespace {

// OpenCC's conversions, by the name of their configuration (found in OpenCC's data folder).
enum Conversion { t2s, s2t, s2hk, s2twp, tw2sp, conversions };
constexpr std::array<const char*, conversions> config_names = {"t2s.json", "s2t.json", "s2hk.json",
                                                               "s2twp.json", "tw2sp.json"};

class Converters {
public:
    static Converters& get() {
        static Converters c; // loaded once, on first use (about 100 ms for the five)
        return c;
    }
    std::string convert(Conversion which, const std::string& text) {
        const std::lock_guard<std::mutex> lock(mutex_); // one conversion at a time
        char* out = opencc_convert_utf8(handles_[which], text.data(), text.size());
        if (!out)
            throw std::runtime_error(std::string("OpenCC: ") + opencc_error());
        std::string result(out);
        opencc_convert_utf8_free(out);
        return result;
    }
    Converters(const Converters&) = delete;
    Converters& operator=(const Converters&) = delete;

private:
    Converters() {
        for (std::size_t i = 0; i < conversions; ++i) {
            handles_[i] = opencc_open(config_names[i]);
            if (handles_[i] == reinterpret_cast<opencc_t>(-1))
                throw std::runtime_error(std::string("OpenCC cannot load ") + config_names[i] +
                                         ": " + opencc_error());
        }
    }
    ~Converters() {
        for (opencc_t h : handles_)
            opencc_close(h);
    }
    std::array<opencc_t, conversions> handles_{};
    std::mutex mutex_;
};

std::u16string to_utf16(std::string_view s) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t len = 0;
    u_strFromUTF8(nullptr, 0, &len, s.data(), static_cast<int32_t>(s.size()), &err);
    std::u16string out(static_cast<std::size_t>(len), u'\0');
    err = U_ZERO_ERROR;
    u_strFromUTF8(reinterpret_cast<UChar*>(out.data()), len, &len, s.data(),
                  static_cast<int32_t>(s.size()), &err);
    if (U_FAILURE(err))
        throw std::invalid_argument("keyword: not UTF-8");
    return out;
}

std::string to_utf8(const std::u16string& s) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t len = 0;
    const auto* src = reinterpret_cast<const UChar*>(s.data());
    u_strToUTF8(nullptr, 0, &len, src, static_cast<int32_t>(s.size()), &err);
    std::string out(static_cast<std::size_t>(len), '\0');
    err = U_ZERO_ERROR;
    u_strToUTF8(out.data(), len, &len, src, static_cast<int32_t>(s.size()), &err);
    if (U_FAILURE(err))
        throw std::invalid_argument("keyword: not UTF-16");
    return out;
}

// A normalization of ICU's (NFKC case fold, NFD) applied to UTF-16.
std::u16string normalize(const UNormalizer2* n, const std::u16string& s) {
    UErrorCode err = U_ZERO_ERROR;
    const auto* src = reinterpret_cast<const UChar*>(s.data());
    const auto len = static_cast<int32_t>(s.size());
    const int32_t need = unorm2_normalize(n, src, len, nullptr, 0, &err);
    std::u16string out(static_cast<std::size_t>(need), u'\0');
    err = U_ZERO_ERROR;
    unorm2_normalize(n, src, len, reinterpret_cast<UChar*>(out.data()), need, &err);
    if (U_FAILURE(err))
        throw std::runtime_error("ICU: normalization failed");
    return out;
}

const UNormalizer2* nfkc_casefold() {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2* n = unorm2_getNFKCCasefoldInstance(&err);
    if (U_FAILURE(err))
        throw std::runtime_error("ICU: no NFKC_Casefold data");
    return n;
}

const UNormalizer2* nfd() {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2* n = unorm2_getNFDInstance(&err);
    if (U_FAILURE(err))
        throw std::runtime_error("ICU: no NFD data");
    return n;
}

std::string fold(std::string_view s) {
    return to_utf8(normalize(nfkc_casefold(), to_utf16(s)));
}

// Unicode's full upper case (root locale).
std::u16string upper(const std::u16string& s) {
    UErrorCode err = U_ZERO_ERROR;
    const auto* src = reinterpret_cast<const UChar*>(s.data());
    const auto len = static_cast<int32_t>(s.size());
    const int32_t need = u_strToUpper(nullptr, 0, src, len, "", &err);
    std::u16string out(static_cast<std::size_t>(need), u'\0');
    err = U_ZERO_ERROR;
    u_strToUpper(reinterpret_cast<UChar*>(out.data()), need, src, len, "", &err);
    if (U_FAILURE(err))
        throw std::runtime_error("ICU: upper case failed");
    return out;
}

// The full-width form of the ASCII in `s`: U+0021..U+007E are the block U+FF01..U+FF5E, whose
// NFKC forms they are (Unicode's Halfwidth and Fullwidth Forms); a space, the ideographic space.
// Empty when `s` holds no ASCII.
std::u16string full_width(const std::u16string& s) {
    std::u16string out = s;
    bool any = false;
    for (char16_t& c : out)
        if (c > 0x20 && c < 0x7f) {
            c = static_cast<char16_t>(c + 0xfee0);
            any = true;
        } else if (c == 0x20) {
            c = 0x3000;
            any = true;
        }
    return any ? out : std::u16string();
}

bool ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Equal but for ASCII case (the matcher folds ASCII case itself).
std::string ascii_lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c + ('a' - 'A'));
    return s;
}

} // namespace

std::string fold_keyword(std::string_view keyword) {
    std::string f = fold(keyword);
    if (f.empty() || ascii(f))
        return f;
    return fold(Converters::get().convert(t2s, f));
}

std::vector<std::string> keyword_forms(std::string_view keyword) {
    std::vector<std::string> forms;
    const std::string folded = fold(keyword);
    if (folded.empty())
        return forms;
    // The character variants.
    std::vector<std::string> bases{folded};
    if (!ascii(folded)) {
        Converters& cc = Converters::get();
        const std::string simplified = cc.convert(t2s, folded);
        bases.insert(bases.begin(), fold(simplified)); // the fold first
        for (const Conversion c : {s2t, s2hk, s2twp})
            bases.push_back(fold(cc.convert(c, simplified)));
        if (simplified != folded) // written traditional: its mainland phrase too
            bases.push_back(fold(cc.convert(tw2sp, folded)));
    }
    // Each with its case, width and decomposed forms.
    std::vector<std::string> seen;
    const auto add = [&](const std::u16string& f) {
        if (f.empty())
            return;
        std::string u8 = to_utf8(f);
        std::string key = ascii_lower(u8);
        if (std::find(seen.begin(), seen.end(), key) != seen.end())
            return;
        seen.push_back(std::move(key));
        forms.push_back(std::move(u8));
    };
    for (const std::string& b : bases) {
        const std::u16string base = to_utf16(b), up = upper(base);
        for (const std::u16string* f : {&base, &up}) {
            add(*f);
            add(full_width(*f));
            add(normalize(nfd(), *f));
        }
    }
    add(to_utf16(keyword)); // as written, whatever the fold made of it (`Ⅲ`)
    return forms;
}

std::vector<std::vector<std::string>> keyword_forms(const std::vector<std::string>& keywords) {
    std::vector<std::vector<std::string>> out;
    out.reserve(keywords.size());
    for (const std::string& k : keywords)
        out.push_back(keyword_forms(k));
    return out;
}

} // namespace detail
PLAINT_END_NAMESPACE
