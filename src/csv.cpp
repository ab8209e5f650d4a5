// The CSV reader (src/csv.hpp). Each byte is looked at once, and a record over its limits keeps
// nothing more, so the work and memory are linear in the input whatever its shape (issue 12: a
// record of four million empty fields, a quoted field of two million doubled quotes).
#include "csv.hpp"

#include <istream>

PLAINT_BEGIN_NAMESPACE
namespace detail {

bool ByteSource::fill() {
    if (eof_)
        return false;
    in_->read(buf_, sizeof buf_);
    const auto got = static_cast<std::size_t>(in_->gcount());
    at_ = buf_;
    end_ = buf_ + got;
    if (got < sizeof buf_) {
        if (in_->bad())
            throw error(errc::io, "reading the input failed");
        eof_ = true;
    }
    return got > 0;
}

bool csv_blank(const CsvRecord& r) noexcept {
    return r.code == errc::ok && r.fields.size() == 1 && r.fields[0].empty();
}

bool CsvReader::next(CsvRecord& r) {
    r.fields.clear();
    r.code = errc::ok;
    r.problem.clear();
    r.line = line_;
    int c = src_.get();
    if (c == -1)
        return false;
    if (first_ && c == 0xef && src_.peek() == 0xbb) { // a UTF-8 byte order mark
        src_.get();
        if (src_.get() != 0xbf)
            fail(r, errc::encoding, "a broken byte order mark");
        c = src_.get();
    }
    first_ = false;
    std::size_t bytes = 0;
    std::string field;
    for (;;) {
        // At the start of a field.
        field.clear();
        if (c == '"') {
            for (;;) {
                c = src_.get();
                if (c == -1) {
                    fail(r, errc::parse,
                         "a quoted field is not closed before the end of the input (truncated?)");
                    push(r, field);
                    return true;
                }
                if (c == '"') {
                    if (src_.peek() == '"') {
                        src_.get();
                        add(r, field, '"', bytes);
                        continue;
                    }
                    c = src_.get();
                    break;
                }
                if (c == '\n')
                    ++line_;
                add(r, field, static_cast<char>(c), bytes);
            }
            if (c != ',' && c != '\n' && c != '\r' && c != -1) {
                fail(r, errc::parse,
                     "a character after a closing quote; a field with quotes must be quoted "
                     "whole");
                c = skip_line(c);
            }
        } else {
            while (c != ',' && c != '\n' && c != '\r' && c != -1) {
                if (c == '"')
                    fail(r, errc::parse,
                         "a quote inside an unquoted field; quote the whole field and double the "
                         "quote");
                add(r, field, static_cast<char>(c), bytes);
                c = src_.get();
            }
        }
        push(r, field);
        if (c == ',') {
            c = src_.get();
            continue;
        }
        if (c == '\r' && src_.peek() == '\n')
            src_.get();
        if (c == '\n' || c == '\r')
            ++line_;
        return true;
    }
}

void CsvReader::fail(CsvRecord& r, errc code, const char* why) {
    if (r.code == errc::ok) {
        r.code = code;
        r.problem = why;
    }
}

void CsvReader::add(CsvRecord& r, std::string& field, char ch, std::size_t& bytes) {
    if (++bytes > limits_.max_record_bytes) {
        if (r.code != errc::too_large) {
            r.code = errc::too_large;
            r.problem = "the record is over " + std::to_string(limits_.max_record_bytes) + " bytes";
        }
        return;
    }
    field.push_back(ch);
}

void CsvReader::push(CsvRecord& r, const std::string& field) {
    if (r.fields.size() >= limits_.max_fields) {
        if (r.code == errc::ok) { // once: every field after the limit is over it
            r.code = errc::too_large;
            r.problem = "more than " + std::to_string(limits_.max_fields) + " fields";
        }
        return;
    }
    r.fields.push_back(field);
}

int CsvReader::skip_line(int c) {
    while (c != '\n' && c != '\r' && c != -1)
        c = src_.get();
    return c;
}

} // namespace detail
PLAINT_END_NAMESPACE
