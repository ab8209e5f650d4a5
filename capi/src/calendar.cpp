// The shim of plaint/c/calendar.h over plaint/calendar.hpp. Business calendars: opening hours,
// holidays, time zones; business-time arithmetic.
#include "shim.hpp"

using namespace plaint_shim;

extern "C" {

int plaint_calendar_from_json(plaint_calendar** out, const char* json, size_t len) {
    return guard([&] {
        need(out, "out");
        auto text = json_arg(json, len, "calendar");
        *out = new plaint_calendar{plaint::Calendar::from_json(text)};
    });
}

int plaint_calendar_always_open(plaint_calendar** out) {
    return guard([&] {
        need(out, "out"); // first: the right side of `*out = new …` would be evaluated first
        *out = new plaint_calendar{plaint::Calendar()};
    });
}

void plaint_calendar_free(plaint_calendar* c) {
    delete c;
}

int plaint_calendar_to_json(const plaint_calendar* c, char** out) {
    return guard([&] {
        need(c, "calendar");
        need(out, "out");
        *out = owned_copy(c->impl.to_json());
    });
}

int plaint_calendar_is_open(const plaint_calendar* c, int64_t t, int32_t* out) {
    return guard([&] {
        need(c, "calendar");
        need(out, "out");
        *out = c->impl.is_open(t) ? 1 : 0;
    });
}

int plaint_calendar_next_open(const plaint_calendar* c, int64_t t, int64_t* out) {
    return guard([&] {
        need(c, "calendar");
        need(out, "out");
        *out = c->impl.next_open(t);
    });
}

int plaint_calendar_add(const plaint_calendar* c, int64_t t, int64_t d, int64_t* out) {
    return guard([&] {
        need(c, "calendar");
        need(out, "out");
        *out = c->impl.add(t, d);
    });
}

int plaint_calendar_sub(const plaint_calendar* c, int64_t t, int64_t d, int64_t* out) {
    return guard([&] {
        need(c, "calendar");
        need(out, "out");
        *out = c->impl.sub(t, d);
    });
}

int plaint_calendar_between(const plaint_calendar* c, int64_t a, int64_t b, int64_t* out) {
    return guard([&] {
        need(c, "calendar");
        need(out, "out");
        *out = c->impl.between(a, b);
    });
}

int plaint_calendar_add_many(const plaint_calendar* c, const int64_t* t, const int64_t* d, size_t n,
                             int64_t* out) {
    return guard([&] {
        need(c, "calendar");
        if (n == 0)
            return; // the arrays may be NULL then
        need(t, "t");
        need(d, "d");
        need(out, "out");
        c->impl.add_many(t, d, n, out);
    });
}

int plaint_calendar_sub_many(const plaint_calendar* c, const int64_t* t, const int64_t* d, size_t n,
                             int64_t* out) {
    return guard([&] {
        need(c, "calendar");
        if (n == 0)
            return;
        need(t, "t");
        need(d, "d");
        need(out, "out");
        // The C++ API has no sub_many: one try around the whole loop names the failing index
        // the way Calendar::add_many does.
        std::size_t i = 0;
        try {
            for (; i < n; ++i)
                out[i] = c->impl.sub(t[i], d[i]);
        } catch (const plaint::error& e) {
            throw plaint::error(e.code(), "at index " + std::to_string(i) + ": " + e.what());
        }
    });
}

int plaint_calendar_between_many(const plaint_calendar* c, const int64_t* a, const int64_t* b,
                                 size_t n, int64_t* out) {
    return guard([&] {
        need(c, "calendar");
        if (n == 0)
            return;
        need(a, "a");
        need(b, "b");
        need(out, "out");
        c->impl.between_many(a, b, n, out);
    });
}

int plaint_tzdb_version(char** out) {
    return guard([&] {
        need(out, "out");
        std::string v = plaint::Calendar::tzdb_version();
        if (v == "unknown") // what date/tz says when its database has no version file
            v.clear();
        *out = owned_copy(v);
    });
}

} // extern "C"
