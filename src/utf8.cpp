// The UTF-8 check every text crossing into the library passes (plaint::validate_text).
#include "utf8.hpp"

#include "plaint/error.hpp"

#include <cstdint>
#include <string>

PLAINT_BEGIN_NAMESPACE
namespace detail {

void check_utf8(std::string_view s, std::string_view what) {
    auto bad = [&](std::size_t at, const char* why) {
        throw error(errc::encoding,
                    std::string(what) + ": " + why + " at byte " + std::to_string(at));
    };
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c == 0)
            bad(i, "embedded NUL");
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0; // set below, or bad() throws
        std::uint32_t cp = 0;
        if (c >= 0xc2 && c <= 0xdf) {
            len = 2;
            cp = c & 0x1fu;
        } else if (c >= 0xe0 && c <= 0xef) {
            len = 3;
            cp = c & 0x0fu;
        } else if (c >= 0xf0 && c <= 0xf4) {
            len = 4;
            cp = c & 0x07u;
        } else {
            bad(i, "invalid UTF-8 lead byte");
        }
        if (n - i < len)
            bad(i, "truncated UTF-8 sequence");
        for (std::size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xc0) != 0x80)
                bad(i + k, "invalid UTF-8 continuation byte");
            cp = (cp << 6) | (p[i + k] & 0x3fu);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000))
            bad(i, "overlong UTF-8 sequence");
        if (cp >= 0xd800 && cp <= 0xdfff)
            bad(i, "UTF-8 encoded surrogate");
        if (cp > 0x10ffff)
            bad(i, "code point beyond U+10FFFF");
        i += len;
    }
}

} // namespace detail
PLAINT_END_NAMESPACE
