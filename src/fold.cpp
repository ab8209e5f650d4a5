#include "fold.hpp"

#include <opencc/opencc.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <array>
#include <map>
#include <mutex>
#include <new>
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
        char* out = nullptr;
        try {
            out = opencc_convert_utf8(handles_[which], text.data(), text.size());
        } catch (const std::bad_alloc&) {
            throw;
        } catch (const std::exception& e) { // OpenCC's and its trie's (marisa) own
            failed(e.what());
        }
        if (!out)
            failed(opencc_error());
        std::string result(out);
        opencc_convert_utf8_free(out);
        return result;
    }
    // Out of memory, as OpenCC and marisa say it, is std::bad_alloc; anything else an error.
    [[noreturn]] static void failed(const char* what) {
        const std::string message = what ? what : "";
        if (message.find("MEMORY") != std::string::npos ||
            message.find("bad_alloc") != std::string::npos)
            throw std::bad_alloc();
        throw std::runtime_error("OpenCC: " + message);
    }
    Converters(const Converters&) = delete;
    Converters& operator=(const Converters&) = delete;

private:
    Converters() {
        for (std::size_t i = 0; i < conversions; ++i) {
            try {
                handles_[i] = opencc_open(config_names[i]);
            } catch (const std::bad_alloc&) {
                close(i);
                throw;
            } catch (const std::exception& e) {
                close(i);
                failed(e.what());
            }
            if (handles_[i] == reinterpret_cast<opencc_t>(-1)) {
                close(i);
                failed(opencc_error());
            }
        }
    }
    ~Converters() { close(conversions); }
    void close(std::size_t loaded) {
        for (std::size_t i = 0; i < loaded; ++i)
            opencc_close(handles_[i]);
    }
    std::array<opencc_t, conversions> handles_{};
    std::mutex mutex_;
};

void icu_check(UErrorCode err, const char* what) {
    if (err == U_MEMORY_ALLOCATION_ERROR)
        throw std::bad_alloc();
    if (U_FAILURE(err))
        throw std::runtime_error(what);
}

std::u16string to_utf16(std::string_view s) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t len = 0;
    u_strFromUTF8(nullptr, 0, &len, s.data(), static_cast<int32_t>(s.size()), &err);
    std::u16string out(static_cast<std::size_t>(len), u'\0');
    err = U_ZERO_ERROR;
    u_strFromUTF8(reinterpret_cast<UChar*>(out.data()), len, &len, s.data(),
                  static_cast<int32_t>(s.size()), &err);
    icu_check(err, "keyword: not UTF-8");
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
    icu_check(err, "keyword: not UTF-16");
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
    icu_check(err, "ICU: normalization failed");
    return out;
}

const UNormalizer2* nfkc_casefold() {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2* n = unorm2_getNFKCCasefoldInstance(&err);
    icu_check(err, "ICU: no NFKC_Casefold data");
    return n;
}

const UNormalizer2* nfd() {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2* n = unorm2_getNFDInstance(&err);
    icu_check(err, "ICU: no NFD data");
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
    icu_check(err, "ICU: upper case failed");
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

// ASCII and the CJK unified ideographs (with extension A): NFKC and case folding change only
// the ASCII letters, and nothing in it decomposes or has an upper case beyond ASCII.
bool plain(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        if ((c & 0xf0) != 0xe0 || i + 2 >= s.size())
            return false;
        const unsigned cp = (c & 0x0fu) << 12 |
                            (static_cast<unsigned char>(s[i + 1]) & 0x3fu) << 6 |
                            (static_cast<unsigned char>(s[i + 2]) & 0x3fu);
        if (!((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)))
            return false;
        i += 3;
    }
    return true;
}

// Conversions, by whole string or, with a memo, run by run of non-ASCII characters.
struct Converter {
    std::map<std::pair<int, std::string>, std::string>* memo = nullptr;
    std::string operator()(Conversion which, const std::string& text) const {
        if (!memo)
            return Converters::get().convert(which, text);
        std::string out;
        for (std::size_t i = 0; i < text.size();) {
            std::size_t j = i;
            const bool high = static_cast<unsigned char>(text[i]) >= 0x80;
            while (j < text.size() && (static_cast<unsigned char>(text[j]) >= 0x80) == high)
                ++j;
            const std::string run = text.substr(i, j - i);
            if (!high) {
                out += run;
            } else {
                auto key = std::make_pair(static_cast<int>(which), run);
                auto it = memo->find(key);
                if (it == memo->end())
                    it = memo->emplace(std::move(key), Converters::get().convert(which, run)).first;
                out += it->second;
            }
            i = j;
        }
        return out;
    }
};

std::string fast_fold(std::string_view s) {
    return plain(s) ? ascii_lower(std::string(s)) : fold(s);
}

// The full-width form of a plain string's ASCII, in UTF-8; empty when it has no ASCII.
std::string full_width_utf8(std::string_view s) {
    std::string out;
    bool any = false;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c > 0x20 && c < 0x7f) {
            const unsigned cp = c + 0xfee0u;
            out += static_cast<char>(0xe0 | cp >> 12);
            out += static_cast<char>(0x80 | (cp >> 6 & 0x3f));
            out += static_cast<char>(0x80 | (cp & 0x3f));
            any = true;
        } else if (c == 0x20) {
            out += "\xe3\x80\x80"; // U+3000
            any = true;
        } else {
            out += ch;
        }
    }
    return any ? out : std::string();
}

std::vector<std::string> make_forms(std::string_view keyword, const Converter& convert) {
    std::vector<std::string> forms;
    const std::string folded = fast_fold(keyword);
    if (folded.empty())
        return forms;
    // The character variants.
    std::vector<std::string> bases{folded};
    if (!ascii(folded)) {
        const std::string simplified = convert(t2s, folded);
        bases.insert(bases.begin(), fast_fold(simplified)); // the fold first
        for (const Conversion c : {s2t, s2hk, s2twp})
            bases.push_back(fast_fold(convert(c, simplified)));
        if (simplified != folded) // written traditional: its mainland phrase too
            bases.push_back(fast_fold(convert(tw2sp, folded)));
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
    const auto add8 = [&](std::string u8) {
        if (u8.empty())
            return;
        std::string key = ascii_lower(u8);
        if (std::find(seen.begin(), seen.end(), key) != seen.end())
            return;
        seen.push_back(std::move(key));
        forms.push_back(std::move(u8));
    };
    for (const std::string& b : bases) {
        if (plain(b)) { // no ICU needed: ASCII case is the matcher's, CJK has none
            add8(b);
            add8(full_width_utf8(b));
            std::string up = b;
            for (char& c : up)
                if (c >= 'a' && c <= 'z')
                    c = static_cast<char>(c - ('a' - 'A'));
            add8(full_width_utf8(up));
            continue;
        }
        const std::u16string base = to_utf16(b), up = upper(base);
        for (const std::u16string* f : {&base, &up}) {
            add(*f);
            add(full_width(*f));
            add(normalize(nfd(), *f));
        }
    }
    add8(std::string(keyword)); // as written, whatever the fold made of it (`Ⅲ`)
    return forms;
}

} // namespace

std::string fold_keyword(std::string_view keyword) {
    std::string f = fold(keyword);
    if (f.empty() || ascii(f))
        return f;
    return fold(Converters::get().convert(t2s, f));
}

std::vector<std::string> keyword_forms(std::string_view keyword) {
    return make_forms(keyword, Converter{});
}

struct FormMaker::Memo {
    std::map<std::pair<int, std::string>, std::string> runs;
};
FormMaker::FormMaker() : memo_(std::make_unique<Memo>()) {}
FormMaker::~FormMaker() = default;
std::vector<std::string> FormMaker::forms(std::string_view keyword) {
    return make_forms(keyword, Converter{&memo_->runs});
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
