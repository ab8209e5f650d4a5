/// @file error.hpp
/// Errors: every failure in plaint is a `plaint::error` carrying an `errc` whose values equal
/// the C ABI's status codes, a message, and optionally where in the input the problem is.
#pragma once

#include "plaint/config.hpp"

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

PLAINT_BEGIN_NAMESPACE

/// Error codes. The values equal the C ABI's `PLAINT_E_*` status codes and never change.
/// Since 0.1.
enum class errc : int {
    ok = 0,                  ///< success (never thrown)
    invalid_argument = -1,   ///< a NULL pointer, an empty required value, a bad combination
    out_of_range = -2,       ///< an unknown enumeration code, an index or number out of range
    parse = -3,              ///< malformed text (a timestamp, a document)
    encoding = -4,           ///< invalid UTF-8 or an embedded NUL
    too_large = -5,          ///< an input over a documented size limit
    overflow = -6,           ///< arithmetic on instants or durations would overflow
    illegal_transition = -7, ///< the event is not allowed in the complaint's current state
    out_of_order = -8,       ///< the event is earlier than the last recorded one
    not_found = -9,          ///< a look-up found nothing
    io = -10,                ///< reading or writing a file failed
    no_memory = -11,         ///< memory could not be allocated
    unsupported = -12,       ///< a format version or feature this build does not support
    validation = -13,        ///< a document failed validation
    internal = -100,         ///< a bug in plaint; please report it
};

/// Stable, lower-case name of an error code ("invalid_argument"); "unknown" for other values.
/// Since 0.1.
const char* errc_name(errc code) noexcept;

/// Where in an input a problem lies. Fields that do not apply are empty or zero.
/// Since 0.1.
struct Location {
    std::string pointer;    ///< JSON pointer, for documents
    std::size_t line = 0;   ///< 1-based line, 0 when unknown
    std::size_t column = 0; ///< 1-based column (in bytes), 0 when unknown
};

/// One problem found while validating a document. Since 0.3.
struct Problem {
    std::string pointer;    ///< JSON pointer of the offending value ("" for the whole document)
    std::size_t line = 0;   ///< 1-based line of that value, 0 when unknown
    std::size_t column = 0; ///< 1-based column, in characters, 0 when unknown
    std::string message;    ///< what is wrong, a sentence a user can act on
};

/// A diagnostic of a document that does not stop its compilation (an unreachable rule row under
/// `first`, an inconsistent AHP matrix), with the JSON pointer of its place. Declared here, beside
/// `Problem`, since 0.7 (it was in rules.hpp, which includes this header). Since 0.3.
struct Warning {
    std::string pointer;
    std::string message;
};

/// The exception every plaint function throws. Since 0.1.
class error : public std::runtime_error {
public:
    /// @param code what kind of failure; @param message a sentence a user can act on.
    error(errc code, const std::string& message) : std::runtime_error(message), code_(code) {}
    /// @param where the place in the input the message is about.
    error(errc code, const std::string& message, Location where)
        : std::runtime_error(message), code_(code), where_(std::move(where)) {}

    /// The error's code.
    errc code() const noexcept { return code_; }
    /// A validation error with every problem found (`where` is the first one's place).
    error(errc code, const std::string& message, Location where, std::vector<Problem> problems)
        : std::runtime_error(message), code_(code), where_(std::move(where)),
          problems_(std::move(problems)) {}

    /// The place in the input, when the error is about one.
    const std::optional<Location>& where() const noexcept { return where_; }
    /// Every problem, for a validation error (empty otherwise). Since 0.3.
    const std::vector<Problem>& problems() const noexcept { return problems_; }

private:
    errc code_;
    std::optional<Location> where_;
    std::vector<Problem> problems_;
};

PLAINT_END_NAMESPACE
