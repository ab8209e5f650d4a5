#include "json_write.hpp"

#include <charconv>
#include <cmath>

PLAINT_BEGIN_NAMESPACE
namespace detail {

void json_text(std::string& o, std::string_view s) {
    static const char hex[] = "0123456789abcdef";
    o += '"';
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            o += '\\';
            o += ch;
        } else if (c < 0x20) {
            o += "\\u00";
            o += hex[c >> 4];
            o += hex[c & 15];
        } else {
            o += ch;
        }
    }
    o += '"';
}

void json_real(std::string& o, double v) {
    if (!std::isfinite(v)) {
        o += "null";
        return;
    }
    char buf[32]; // the longest shortest form of a double is 24 characters
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    o.append(buf, r.ptr);
}

void json_key(std::string& o, const char* key) {
    if (!o.empty() && o.back() != '{')
        o += ',';
    json_text(o, key);
    o += ':';
}

std::string indent_json(std::string_view c, int depth) {
    std::string o;
    o.reserve(c.size() + c.size() / 2);
    const auto newline = [&] {
        o += '\n';
        o.append(static_cast<std::size_t>(2 * depth), ' ');
    };
    bool in_string = false, escaped = false;
    for (std::size_t i = 0; i < c.size(); ++i) {
        const char ch = c[i];
        if (in_string) {
            o += ch;
            if (escaped)
                escaped = false;
            else if (ch == '\\')
                escaped = true;
            else if (ch == '"')
                in_string = false;
            continue;
        }
        switch (ch) {
        case '"':
            in_string = true;
            o += ch;
            break;
        case '{':
        case '[':
            o += ch;
            if (i + 1 < c.size() && (c[i + 1] == '}' || c[i + 1] == ']')) {
                o += c[++i];
            } else {
                ++depth;
                newline();
            }
            break;
        case '}':
        case ']':
            --depth;
            newline();
            o += ch;
            break;
        case ',':
            o += ch;
            newline();
            break;
        case ':':
            o += ": ";
            break;
        default:
            o += ch;
        }
    }
    return o;
}

} // namespace detail
PLAINT_END_NAMESPACE
