/// @file time.hpp
/// Time: an `Instant` is a count of UTC seconds since the Unix epoch and a `Duration` a count
/// of seconds, both int64. Local time exists only inside a calendar. This header converts
/// instants to and from ISO 8601 text, `std::chrono::system_clock` and Boost's `ptime`, and
/// does arithmetic that reports overflow instead of wrapping.
#pragma once

#include "plaint/config.hpp"
#include "plaint/error.hpp"

#include <boost/date_time/posix_time/ptime.hpp>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

PLAINT_BEGIN_NAMESPACE

/// UTC seconds since 1970-01-01T00:00:00Z. Since 0.1.
using Instant = std::int64_t;
/// A span of seconds; negative spans are allowed. Since 0.1.
using Duration = std::int64_t;

/// The earliest instant that has an ISO 8601 form here: 1400-01-01T00:00:00Z (the first day
/// Boost.Date_Time's Gregorian calendar covers). Since 0.1.
inline constexpr Instant min_text_instant = -17987443200;
/// The latest instant that has an ISO 8601 form here: 9999-12-31T23:59:59Z. Since 0.1.
inline constexpr Instant max_text_instant = 253402300799;

/// t + d, or `errc::overflow` when the sum does not fit in int64. Since 0.1.
Instant add(Instant t, Duration d);
/// a - b, or `errc::overflow` when the difference does not fit in int64. Since 0.1.
Duration difference(Instant a, Instant b);

/// Parses an ISO 8601 instant: `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z`, `±hh:mm`,
/// `±hhmm` or `±hh`. A space may stand for the `T`. A fraction is truncated towards the earlier
/// second. Text without an offset is refused: local time needs a calendar.
/// @throws error `errc::parse` naming the 1-based column of the first bad character
///         (`where()->column`), `errc::out_of_range` for a year outside 1400–9999, an offset
///         beyond ±18:00, or an instant that the offset carries outside `min_text_instant` ..
///         `max_text_instant` (so that `format_iso8601` can always write it back). Since 0.1.
Instant parse_iso8601(std::string_view text);

/// Formats `t` as `YYYY-MM-DDTHH:MM:SSZ`, or with `±hh:mm` when `offset_seconds` is not 0 (the
/// local wall time at that offset). @throws error `errc::out_of_range` when the result would lie
/// outside years 1400–9999 or the offset is beyond ±18:00 or not a whole minute. Since 0.1.
std::string format_iso8601(Instant t, std::int32_t offset_seconds = 0);

/// The same instant as a `system_clock` time point. @throws error `errc::overflow` when the
/// clock's representation cannot hold it. Since 0.1.
std::chrono::system_clock::time_point to_system_clock(Instant t);
/// The instant of a `system_clock` time point, floored to the second. Since 0.1.
Instant from_system_clock(std::chrono::system_clock::time_point tp) noexcept;

/// The same instant as a Boost `ptime` (UTC). @throws error `errc::out_of_range` outside the
/// years Boost.Date_Time covers (1400–9999). Since 0.1.
boost::posix_time::ptime to_ptime(Instant t);
/// The instant of a UTC `ptime`, floored to the second. @throws error `errc::invalid_argument`
/// for a special value (not-a-date-time, ±infinity). Since 0.1.
Instant from_ptime(const boost::posix_time::ptime& t);

PLAINT_END_NAMESPACE
