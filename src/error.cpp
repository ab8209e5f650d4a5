#include "plaint/error.hpp"

#include "error_detail.hpp"

PLAINT_BEGIN_NAMESPACE

const char* errc_name(errc code) noexcept {
    switch (code) {
    case errc::ok:
        return "ok";
    case errc::invalid_argument:
        return "invalid_argument";
    case errc::out_of_range:
        return "out_of_range";
    case errc::parse:
        return "parse";
    case errc::encoding:
        return "encoding";
    case errc::too_large:
        return "too_large";
    case errc::overflow:
        return "overflow";
    case errc::illegal_transition:
        return "illegal_transition";
    case errc::out_of_order:
        return "out_of_order";
    case errc::not_found:
        return "not_found";
    case errc::io:
        return "io";
    case errc::no_memory:
        return "no_memory";
    case errc::unsupported:
        return "unsupported";
    case errc::validation:
        return "validation";
    case errc::internal:
        return "internal";
    }
    return "unknown";
}

namespace detail {

std::string quote(std::string_view s, std::size_t max) {
    static const char hex[] = "0123456789abcdef";
    std::string out = "'";
    std::size_t n = 0;
    for (char ch : s) {
        if (n++ == max) {
            out += "...";
            break;
        }
        auto u = static_cast<unsigned char>(ch);
        if (u >= 0x20 && u < 0x7f && u != '\\') {
            out += ch;
        } else {
            out += "\\x";
            out += hex[u >> 4];
            out += hex[u & 15];
        }
    }
    out += "'";
    return out;
}

} // namespace detail
PLAINT_END_NAMESPACE
