// The one CSV reader (RFC 4180), shared by the ledger's import (src/ledger_import.cpp) and the
// survey answers (SurveyResponses::from_csv, src/report_surveys.cpp): records read one at a time
// from a stream or from text in memory, with bounded memory (a record over its limits is read to
// its end but not kept), each with the line it starts on and its first problem. Internal.
#pragma once

#include "plaint/config.hpp"
#include "plaint/error.hpp"

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

PLAINT_BEGIN_NAMESPACE
namespace detail {

// Bytes from a stream, through a buffer of 64 KiB, or from text in memory (read in place).
class ByteSource {
public:
    explicit ByteSource(std::istream& in) noexcept : in_(&in) {}
    explicit ByteSource(std::string_view text) noexcept
        : at_(text.data()), end_(text.data() + text.size()), eof_(true) {}
    ByteSource(const ByteSource&) = delete;
    ByteSource& operator=(const ByteSource&) = delete;

    // The next byte, or -1 at the end. @throws error errc::io when the stream fails.
    int get() {
        if (at_ == end_ && !fill())
            return -1;
        return static_cast<unsigned char>(*at_++);
    }
    // The next byte without taking it, or -1 at the end.
    int peek() {
        if (at_ == end_ && !fill())
            return -1;
        return static_cast<unsigned char>(*at_);
    }

private:
    bool fill();

    std::istream* in_ = nullptr;
    const char* at_ = nullptr;
    const char* end_ = nullptr;
    bool eof_ = false;
    char buf_[1 << 16];
};

// One record: its fields, the 1-based line where it starts, and its first problem (code ok when
// it has none). A record with a problem holds the fields read before it, at most.
struct CsvRecord {
    std::vector<std::string> fields;
    std::size_t line = 0;
    errc code = errc::ok;
    std::string problem;
};

// What a record may hold; more is the record's problem, errc::too_large ("more than N fields",
// "the record is over N bytes"), and the rest of the record is read but not kept.
struct CsvLimits {
    std::size_t max_fields = 256;
    std::size_t max_record_bytes = 4u
                                   << 20; // bytes of field content, quotes and commas not counted
};

// A blank line: one empty field and no problem. Readers skip them.
bool csv_blank(const CsvRecord& r) noexcept;

// RFC 4180: fields separated by commas; a field quoted whole with double quotes may hold commas,
// line breaks and doubled quotes; records end with LF, CRLF or a lone CR; an optional UTF-8 byte
// order mark before the first record. Problems (errc::parse unless said): a quote inside an
// unquoted field, a character after a closing quote (the rest of the line is then skipped), a
// quoted field not closed before the end of the input, a broken byte order mark
// (errc::encoding), and the limits. Bytes are not checked as UTF-8: readers check the fields
// they use.
class CsvReader {
public:
    CsvReader(std::istream& in, CsvLimits limits) : src_(in), limits_(limits) {}
    CsvReader(std::string_view text, CsvLimits limits) : src_(text), limits_(limits) {}

    // The next record into `r`; false at the end of the input.
    // @throws error errc::io when the stream fails.
    bool next(CsvRecord& r);

private:
    void fail(CsvRecord& r, errc code, const char* why);
    void add(CsvRecord& r, std::string& field, char ch, std::size_t& bytes);
    void push(CsvRecord& r, const std::string& field);
    int skip_line(int c);

    ByteSource src_;
    CsvLimits limits_;
    std::size_t line_ = 1;
    bool first_ = true;
};

} // namespace detail
PLAINT_END_NAMESPACE
