// Time zones inside a calendar: local wall time to UTC by one documented rule. Internal.
#pragma once

#include "plaint/config.hpp"
#include "plaint/time.hpp"

#include <cstdint>
#include <memory>
#include <string>

PLAINT_BEGIN_NAMESPACE
namespace detail {

// Converts local wall-clock seconds (seconds since 1970-01-01T00:00 local) to UTC instants.
// The rule, the same for every kind of zone: a wall time inside a DST gap is read with the offset
// in force before the gap, so it moves forward by the gap (02:30 on a spring-forward night
// becomes 03:30); an ambiguous wall time is read with the offset before the transition, which
// gives the earlier of its two instants.
class Zone {
public:
    virtual ~Zone() = default;
    virtual Instant to_utc(std::int64_t local) const = 0;
};

// An IANA name from the system zone database, "UTC", or a POSIX TZ rule string.
// Throws error(errc::not_found) when the name is none of these.
std::unique_ptr<Zone> make_zone(const std::string& name);

// Days since 1970-01-01 of a proleptic Gregorian date, and back.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept;
void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) noexcept;
bool valid_civil(std::int64_t y, std::int64_t m, std::int64_t d) noexcept;

} // namespace detail
PLAINT_END_NAMESPACE
