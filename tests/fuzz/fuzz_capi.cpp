// Fuzz target: a small interpreter that drives the C ABI from a byte stream. Each step's byte
// picks an operation, the following bytes its arguments (slots, enumeration codes, instants,
// strings): complaints, profiles, calendars, policy sets, decisions, clock lists and ledgers are
// created, changed, classified, queried and freed in any order (a handle's slot is emptied when
// it is freed; freeing a parent first is allowed, as handles keep their parents alive). Every
// call must return PLAINT_OK or a documented PLAINT_E_* code (never PLAINT_E_INTERNAL), every
// owned string it returns is freed, and at the end every complaint of every ledger must still
// read back as JSON.
#include "fuzz_common.hpp"

#include "plaint/plaint.h"

#include <cstring>
#include <limits>
#include <string>

namespace {

#define CALL(expr) check_status((expr), #expr)

int check_status(int rc, const char* what) {
    if (rc > 0 || rc < PLAINT_E_VALIDATION) { // PLAINT_E_INTERNAL is a bug
        std::fprintf(stderr, "status %d from %s: %s\n", rc, what, plaint_last_error_message());
        plaint_fuzz::fail(__FILE__, __LINE__, "a status outside the documented codes");
    }
    return rc;
}

class Reader {
public:
    Reader(const std::uint8_t* d, std::size_t n) : d_(d), n_(n) {}
    bool done() const { return i_ >= n_; }
    std::uint8_t byte() { return i_ < n_ ? d_[i_++] : 0; }
    std::size_t slot(std::size_t n) { return byte() % n; }
    // An enumeration code: mostly valid ones (0..15), sometimes negative or far out.
    std::int32_t code() {
        const std::uint8_t b = byte();
        if (b < 200)
            return b % 16;
        if (b < 230)
            return -static_cast<std::int32_t>(b % 4);
        return b < 250 ? 1000 + b : std::numeric_limits<std::int32_t>::min() + b;
    }
    // An instant or duration: mostly around 2026, sometimes the edges of int64 and the years.
    std::int64_t instant() {
        static const std::int64_t edges[] = {0,
                                             1,
                                             -1,
                                             std::numeric_limits<std::int64_t>::min(),
                                             std::numeric_limits<std::int64_t>::max(),
                                             -2208988800,  // 1900-01-01
                                             7258118400,   // 2200-01-01
                                             -17987443200, // 1400-01-01
                                             253402300799, // 9999-12-31T23:59:59
                                             4294967296,   // 2^32 s
                                             1790000000,   // 2026-09-21
                                             86400,
                                             3600,
                                             2619000000000, // year 84960
                                             -4294967296,
                                             1798761600}; // 2027-01-01
        const std::uint8_t b = byte();
        switch (b % 6) {
        case 0:
            return edges[byte() % 16];
        case 1: {
            std::int64_t v = 0;
            for (int k = 0; k < 8; ++k)
                v = static_cast<std::int64_t>(static_cast<std::uint64_t>(v) << 8 | byte());
            return v;
        }
        case 2:
            return static_cast<std::int8_t>(byte()) * 60;
        default:
            return 1790000000 + static_cast<std::int64_t>(byte()) * 3600 +
                   static_cast<std::int64_t>(static_cast<std::int8_t>(byte())) * 60;
        }
    }
    // A string: mostly a short one from a list the library knows, else bytes of the stream.
    std::string text() {
        static const char* const known[] = {"c1",        "c2",
                                            "",          "A5",
                                            "complaint", "repair",
                                            "24x7",      "漏水",
                                            "water",     "2026-10",
                                            "2026-13",   "UTC",
                                            "CST-8",     "EST5EDT,M3.2.0,M11.1.0",
                                            "hotline",   "office"};
        const std::uint8_t b = byte();
        if (b < 128)
            return known[b % 16];
        const std::size_t len = byte() % 64;
        std::string s;
        for (std::size_t k = 0; k < len && !done(); ++k)
            s.push_back(static_cast<char>(byte()));
        return s;
    }

private:
    const std::uint8_t* d_;
    std::size_t n_;
    std::size_t i_ = 0;
};

constexpr std::size_t slots = 3;

struct State {
    plaint_complaint* c[slots] = {};
    plaint_profile* p[slots] = {};
    plaint_calendar* k[slots] = {};
    plaint_policy_set* s[slots] = {};
    plaint_decision* d[slots] = {};
    plaint_clock_list* cl[slots] = {};
    plaint_ledger* l[slots] = {};

    ~State() {
        for (std::size_t i = 0; i < slots; ++i) {
            plaint_complaint_free(c[i]);
            plaint_profile_free(p[i]);
            plaint_calendar_free(k[i]);
            plaint_policy_set_free(s[i]);
            plaint_decision_free(d[i]);
            plaint_clock_list_free(cl[i]);
            plaint_ledger_free(l[i]);
        }
    }
};

void take_string(char* s) {
    if (s)
        PLAINT_FUZZ_CHECK(std::strlen(s) < (std::size_t(1) << 30));
    plaint_string_free(s);
}

plaint_event event_of(Reader& r) {
    plaint_event e;
    plaint_event_init(&e, sizeof e);
    e.type = r.code();
    e.at = r.instant();
    e.role = r.code();
    const std::uint8_t details = r.byte();
    e.note = (details & 1u) ? "note" : nullptr;
    e.nature = r.code();
    e.severity = r.code();
    e.target_role = (details & 2u) ? r.code() : 0;
    e.visit_method = (details & 4u) ? r.code() : 0;
    e.has_deadline = (details & 8u) ? 1 : 0;
    e.deadline = e.has_deadline ? r.instant() : 0;
    return e;
}

void complaint_getters(const plaint_complaint* c) {
    std::int64_t t = 0;
    std::int32_t v = 0, has = 0;
    CALL(plaint_complaint_received(c, &t));
    CALL(plaint_complaint_channel(c, &v));
    CALL(plaint_complaint_category(c, &v));
    CALL(plaint_complaint_nature(c, &v));
    CALL(plaint_complaint_severity(c, &v));
    CALL(plaint_complaint_reporter_count(c, &v));
    CALL(plaint_complaint_state(c, &v));
    CALL(plaint_complaint_owner(c, &v));
    CALL(plaint_complaint_visit_method(c, &v));
    CALL(plaint_complaint_cycle(c, &v));
    CALL(plaint_complaint_rectification_deadline(c, &has, &t));
    std::size_t n = 0;
    if (CALL(plaint_complaint_event_count(c, &n)) == PLAINT_OK) {
        PLAINT_FUZZ_CHECK(n >= 1);
        plaint_event e;
        plaint_event_init(&e, sizeof e);
        CALL(plaint_complaint_event(c, n - 1, &e));
        PLAINT_FUZZ_CHECK(CALL(plaint_complaint_event(c, n, &e)) == PLAINT_E_OUT_OF_RANGE);
    }
    if (CALL(plaint_complaint_tag_count(c, &n)) == PLAINT_OK && n > 0) {
        const char* tag = nullptr;
        CALL(plaint_complaint_tag(c, n - 1, &tag));
    }
    for (std::int32_t field = 1; field <= 8; ++field) {
        const char* s = nullptr;
        std::size_t len = 0;
        CALL(plaint_complaint_text(c, field, &s, &len));
    }
}

// The JSON of a complaint reads back to a complaint with the same JSON.
void complaint_round_trip(const plaint_complaint* c) {
    char* json = nullptr;
    if (CALL(plaint_complaint_to_json(c, &json)) != PLAINT_OK)
        return;
    plaint_complaint* back = nullptr;
    PLAINT_FUZZ_CHECK(CALL(plaint_complaint_from_json(&back, json, PLAINT_NTS)) == PLAINT_OK);
    char* again = nullptr;
    PLAINT_FUZZ_CHECK(CALL(plaint_complaint_to_json(back, &again)) == PLAINT_OK);
    PLAINT_FUZZ_CHECK(std::strcmp(json, again) == 0);
    plaint_string_free(again);
    plaint_complaint_free(back);
    plaint_string_free(json);
}

void ledger_queries(const plaint_ledger* l, Reader& r) {
    std::size_t n = 0, count = 0;
    CALL(plaint_ledger_count(l, &n));
    CALL(plaint_ledger_event_count(l, &count));
    const std::int64_t at = r.instant();
    switch (r.byte() % 7) {
    case 0: {
        plaint_query q;
        plaint_query_init(&q, sizeof q);
        q.state = (r.byte() & 1u) ? r.code() : PLAINT_ANY;
        q.open_only = r.byte() & 1u;
        q.has_received_from = 1;
        q.received_from = at;
        std::size_t out[8];
        CALL(plaint_ledger_select(l, &q, out, 8, &count));
        break;
    }
    case 1: {
        plaint_ledger_clock out[8];
        for (auto& c : out)
            plaint_ledger_clock_init(&c, sizeof c);
        CALL(plaint_ledger_clocks_at(l, at, r.code(), out, 8, &count));
        break;
    }
    case 2: {
        plaint_escalation_due out[8];
        for (auto& e : out)
            plaint_escalation_due_init(&e, sizeof e);
        CALL(plaint_ledger_escalations_due(l, at, out, 8, &count));
        break;
    }
    case 3: {
        plaint_visit_due out[8];
        for (auto& v : out)
            plaint_visit_due_init(&v, sizeof v);
        CALL(plaint_ledger_visits_due(l, out, 8, &count));
        break;
    }
    case 4: {
        plaint_quota_compliance out[8];
        for (auto& q : out)
            plaint_quota_compliance_init(&q, sizeof q);
        CALL(plaint_ledger_visit_quotas(l, at, r.instant(), out, 8, &count));
        break;
    }
    case 5: { // staff figures and scores over a hostile period, grouping and options
        plaint_performance_options o;
        plaint_performance_options_init(&o, sizeof o);
        o.by = (r.byte() & 1u) ? r.code() : PLAINT_STAFF_BY_TEAM;
        o.from = at;
        const std::int64_t month = 31 * 86400;
        o.to = (r.byte() & 1u) || at > INT64_MAX - month ? r.instant() : at + month;
        o.has_as_of = r.byte() & 1u;
        o.as_of = r.instant();
        o.confidence = (r.byte() & 1u) ? r.byte() / 255.0 : 0.95;
        o.small_sample = r.byte();
        char* json = nullptr;
        if (CALL(plaint_ledger_performance_json(l, &o, &json)) == PLAINT_OK)
            take_string(json);
        json = nullptr;
        if (CALL(plaint_ledger_performance_scores_json(l, &o, &json)) == PLAINT_OK)
            take_string(json);
        break;
    }
    default: {
        const std::size_t i = n == 0 ? r.byte() : r.byte() % (n + 1);
        plaint_complaint_view v;
        plaint_complaint_view_init(&v, sizeof v);
        CALL(plaint_ledger_view(l, i, &v));
        char* json = nullptr;
        CALL(plaint_ledger_complaint_json(l, i, &json));
        take_string(json);
        plaint_complaint* c = nullptr;
        if (CALL(plaint_ledger_complaint(l, i, &c)) == PLAINT_OK) {
            complaint_getters(c);
            complaint_round_trip(c);
            plaint_complaint_free(c);
        }
        break;
    }
    }
}

void step(State& st, Reader& r) {
    switch (r.byte() % 32) {
    case 0: { // new complaint
        plaint_complaint*& c = st.c[r.slot(slots)];
        plaint_complaint_free(c);
        c = nullptr;
        const std::string id = r.text();
        CALL(plaint_complaint_new(&c, id.c_str(), r.instant()));
        break;
    }
    case 1: { // free a complaint
        plaint_complaint*& c = st.c[r.slot(slots)];
        plaint_complaint_free(c);
        c = nullptr;
        break;
    }
    case 2: { // clone
        const std::size_t from = r.slot(slots), to = r.slot(slots);
        plaint_complaint* copy = nullptr;
        if (CALL(plaint_complaint_clone(st.c[from], &copy)) == PLAINT_OK) {
            plaint_complaint_free(st.c[to]);
            st.c[to] = copy;
        }
        break;
    }
    case 3: { // a text field
        plaint_complaint* c = st.c[r.slot(slots)];
        const std::int32_t field = r.code();
        const std::string s = r.text();
        CALL(plaint_complaint_set_text(c, field, s.data(), s.size()));
        break;
    }
    case 4: { // the other fields
        plaint_complaint* c = st.c[r.slot(slots)];
        switch (r.byte() % 4) {
        case 0:
            CALL(plaint_complaint_set_channel(c, r.code()));
            break;
        case 1:
            CALL(plaint_complaint_set_category(c, r.code()));
            break;
        case 2: {
            static const std::int32_t counts[] = {
                0, 1, 2, 999999, 1000000, 1000001, -1, std::numeric_limits<std::int32_t>::max()};
            CALL(plaint_complaint_set_reporter_count(c, counts[r.byte() % 8]));
        } break;
        default:
            CALL(plaint_complaint_set_received(c, r.instant()));
        }
        break;
    }
    case 5: { // tags
        plaint_complaint* c = st.c[r.slot(slots)];
        const std::string tag = r.text();
        if (r.byte() & 1u)
            CALL(plaint_complaint_add_tag(c, tag.c_str()));
        else
            CALL(plaint_complaint_remove_tag(c, tag.c_str()));
        break;
    }
    case 6: { // a bare event
        plaint_complaint* c = st.c[r.slot(slots)];
        const std::int32_t type = r.code();
        const std::int64_t at = r.instant();
        const std::int32_t role = r.code();
        CALL(plaint_complaint_apply(c, type, at, role, (r.byte() & 1u) ? "why" : nullptr));
        break;
    }
    case 7: { // an event with its details
        plaint_complaint* c = st.c[r.slot(slots)];
        plaint_event e = event_of(r);
        CALL(plaint_complaint_apply_event(c, &e));
        std::int32_t allowed = 0;
        CALL(plaint_complaint_allows(c, r.code(), &allowed));
        break;
    }
    case 8: { // read a complaint
        const plaint_complaint* c = st.c[r.slot(slots)];
        if (c) {
            complaint_getters(c);
            complaint_round_trip(c);
        }
        break;
    }
    case 9: { // a complaint from JSON text of the stream
        plaint_complaint*& c = st.c[r.slot(slots)];
        const std::string json = r.text();
        plaint_complaint* got = nullptr;
        if (CALL(plaint_complaint_from_json(&got, json.data(), json.size())) == PLAINT_OK) {
            plaint_complaint_free(c);
            c = got;
        }
        break;
    }
    case 10: { // a profile: the default, or one from the stream
        plaint_profile*& p = st.p[r.slot(slots)];
        plaint_profile* got = nullptr;
        if (r.byte() & 1u) {
            CALL(plaint_profile_default(&got));
        } else {
            const std::string json = r.text();
            CALL(plaint_profile_from_json(&got, json.data(), json.size()));
        }
        if (got) {
            plaint_profile_free(p);
            p = got;
        }
        break;
    }
    case 11: { // free a profile
        plaint_profile*& p = st.p[r.slot(slots)];
        plaint_profile_free(p);
        p = nullptr;
        break;
    }
    case 12: { // classify
        const plaint_profile* p = st.p[r.slot(slots)];
        const plaint_complaint* c = st.c[r.slot(slots)];
        plaint_decision*& d = st.d[r.slot(slots)];
        const std::int64_t at = r.instant();
        const std::string policy = r.text();
        plaint_decision* got = nullptr;
        if (CALL(plaint_profile_classify(p, c, at, (r.byte() & 1u) ? policy.c_str() : nullptr,
                                         &got)) == PLAINT_OK) {
            plaint_decision_free(d);
            d = got;
        }
        break;
    }
    case 13: { // read a decision, or free it
        plaint_decision*& d = st.d[r.slot(slots)];
        if (r.byte() & 1u) {
            plaint_decision_free(d);
            d = nullptr;
            break;
        }
        std::int32_t v = 0;
        const char* s = nullptr;
        std::size_t n = 0;
        CALL(plaint_decision_nature(d, &v));
        CALL(plaint_decision_severity(d, &v));
        CALL(plaint_decision_escalate_to(d, &v));
        CALL(plaint_decision_visit_method(d, &v));
        CALL(plaint_decision_sla_policy(d, &s));
        if (CALL(plaint_decision_tag_count(d, &n)) == PLAINT_OK && n > 0)
            CALL(plaint_decision_tag(d, n - 1, &s));
        if (CALL(plaint_decision_matched_count(d, &n)) == PLAINT_OK && n > 0)
            CALL(plaint_decision_matched(d, n - 1, &s));
        char* json = nullptr;
        CALL(plaint_decision_to_json(d, &json));
        take_string(json);
        json = nullptr;
        CALL(plaint_decision_explain_json(d, &json));
        take_string(json);
        break;
    }
    case 14: { // a profile's policy set, or the default set, or free one
        plaint_policy_set*& s = st.s[r.slot(slots)];
        plaint_policy_set* got = nullptr;
        switch (r.byte() % 3) {
        case 0:
            CALL(plaint_profile_policy_set(st.p[r.slot(slots)], &got));
            break;
        case 1:
            CALL(plaint_policy_set_default(&got));
            break;
        default:
            break;
        }
        plaint_policy_set_free(s);
        s = got;
        break;
    }
    case 15: { // a calendar: from a policy set, 24x7, from the stream, or free it
        plaint_calendar*& k = st.k[r.slot(slots)];
        plaint_calendar* got = nullptr;
        switch (r.byte() % 4) {
        case 0: {
            const std::string name = r.text();
            CALL(plaint_policy_set_calendar(st.s[r.slot(slots)], name.c_str(), &got));
            break;
        }
        case 1:
            CALL(plaint_calendar_always_open(&got));
            break;
        case 2: {
            const std::string json = r.text();
            CALL(plaint_calendar_from_json(&got, json.data(), json.size()));
            break;
        }
        default:
            break;
        }
        plaint_calendar_free(k);
        k = got;
        break;
    }
    case 16: { // calendar arithmetic
        const plaint_calendar* k = st.k[r.slot(slots)];
        const std::int64_t t = r.instant(), d = r.instant();
        std::int64_t out = 0;
        std::int32_t open = 0;
        CALL(plaint_calendar_is_open(k, t, &open));
        CALL(plaint_calendar_next_open(k, t, &out));
        if (CALL(plaint_calendar_add(k, t, d, &out)) == PLAINT_OK && d >= 0) {
            std::int64_t between = 0;
            PLAINT_FUZZ_CHECK(CALL(plaint_calendar_between(k, t, out, &between)) == PLAINT_OK);
            PLAINT_FUZZ_CHECK(between == d);
        }
        CALL(plaint_calendar_sub(k, t, d, &out));
        const std::int64_t ts[2] = {t, d}, ds[2] = {d, t};
        std::int64_t outs[2];
        CALL(plaint_calendar_between_many(k, ts, ds, 2, outs));
        char* json = nullptr;
        CALL(plaint_calendar_to_json(k, &json));
        take_string(json);
        break;
    }
    case 17: { // clocks of a complaint
        plaint_clock_list*& cl = st.cl[r.slot(slots)];
        const plaint_complaint* c = st.c[r.slot(slots)];
        const plaint_policy_set* s = st.s[r.slot(slots)];
        const std::string policy = r.text();
        plaint_clock_list* got = nullptr;
        CALL(plaint_complaint_clocks(c, s, policy.c_str(), r.instant(), &got));
        plaint_clock_list_free(cl);
        cl = got;
        std::size_t n = 0;
        if (CALL(plaint_clock_list_count(cl, &n)) == PLAINT_OK && n > 0) {
            plaint_clock clock;
            plaint_clock_init(&clock, sizeof clock);
            CALL(plaint_clock_list_get(cl, n - 1, &clock));
        }
        break;
    }
    case 18: { // a ledger, with a profile or the default
        plaint_ledger*& l = st.l[r.slot(slots)];
        plaint_ledger* got = nullptr;
        const plaint_profile* p = (r.byte() & 1u) ? st.p[r.slot(slots)] : nullptr;
        if (CALL(plaint_ledger_new(&got, p)) == PLAINT_OK) {
            plaint_ledger_free(l);
            l = got;
        }
        break;
    }
    case 19: { // free a ledger
        plaint_ledger*& l = st.l[r.slot(slots)];
        plaint_ledger_free(l);
        l = nullptr;
        break;
    }
    case 20: { // add a complaint to a ledger
        plaint_ledger* l = st.l[r.slot(slots)];
        const plaint_complaint* c = st.c[r.slot(slots)];
        std::size_t index = 0;
        CALL(plaint_ledger_add_complaint(l, c, &index));
        break;
    }
    case 21: { // add a complaint as JSON
        plaint_ledger* l = st.l[r.slot(slots)];
        const std::string json = r.text();
        std::size_t index = 0;
        CALL(plaint_ledger_add_complaint_json(l, json.data(), json.size(), &index));
        break;
    }
    case 22:
    case 23: { // an event in a ledger
        plaint_ledger* l = st.l[r.slot(slots)];
        std::size_t n = 0;
        if (l)
            CALL(plaint_ledger_count(l, &n));
        const std::size_t index = r.byte() % (n + 1);
        plaint_event e = event_of(r);
        CALL(plaint_ledger_add_event(l, index, &e));
        break;
    }
    case 24:
    case 25: { // query a ledger
        const plaint_ledger* l = st.l[r.slot(slots)];
        if (l)
            ledger_queries(l, r);
        break;
    }
    case 26: { // re-evaluate
        plaint_ledger* l = st.l[r.slot(slots)];
        std::size_t added = 0;
        CALL(plaint_ledger_reevaluate(l, r.instant(), &added));
        break;
    }
    case 27: { // replay under a profile, or take the ledger's profile
        const std::size_t from = r.slot(slots), to = r.slot(slots);
        if (r.byte() & 1u) {
            plaint_ledger* got = nullptr;
            if (CALL(plaint_ledger_replay(st.l[from], st.p[r.slot(slots)], &got)) == PLAINT_OK) {
                plaint_ledger_free(st.l[to]);
                st.l[to] = got;
            }
        } else {
            plaint_profile* got = nullptr;
            if (CALL(plaint_ledger_profile(st.l[from], &got)) == PLAINT_OK) {
                plaint_profile_free(st.p[to]);
                st.p[to] = got;
            }
        }
        break;
    }
    case 28: { // imports
        plaint_ledger* l = st.l[r.slot(slots)];
        const std::uint32_t flags = r.byte() % 3; // 2 is an unknown flag
        const std::string a = r.text(), b = r.text();
        plaint_import_result result;
        plaint_import_result_init(&result, sizeof result);
        char* problems = nullptr;
        if (r.byte() & 1u)
            CALL(plaint_ledger_import_json_lines(l, a.data(), a.size(), flags, &result, &problems));
        else
            CALL(plaint_ledger_import_csv(l, a.data(), a.size(), b.data(), b.size(), flags, &result,
                                          &problems));
        take_string(problems);
        break;
    }
    case 29: { // the report as JSON
        const plaint_ledger* l = st.l[r.slot(slots)];
        plaint_report_options o;
        plaint_report_options_init(&o, sizeof o);
        const std::string month = r.text(), zone = r.text();
        o.month = (r.byte() & 1u) ? month.c_str() : nullptr;
        o.timezone = (r.byte() & 1u) ? zone.c_str() : nullptr;
        char* json = nullptr;
        CALL(plaint_ledger_report_json(l, &o, &json));
        take_string(json);
        break;
    }
    case 30: { // a profile's parts
        const plaint_profile* p = st.p[r.slot(slots)];
        std::size_t n = 0;
        const char* s = nullptr;
        std::int32_t quota = 0;
        std::int64_t window = 0;
        CALL(plaint_profile_visit_quota(p, r.code(), &quota));
        CALL(plaint_profile_repeat_window(p, &window));
        if (CALL(plaint_profile_keyword_count(p, &n)) == PLAINT_OK && n > 0)
            CALL(plaint_profile_keyword(p, r.byte() % n, &s));
        const std::string text = r.text();
        std::uint32_t found[4];
        CALL(plaint_profile_find_keywords(p, text.data(), text.size(), found, 4, &n));
        if (CALL(plaint_profile_warning_count(p, &n)) == PLAINT_OK && n > 0)
            CALL(plaint_profile_warning(p, n - 1, &s, &s));
        if (CALL(plaint_profile_survey_count(p, &n)) == PLAINT_OK && n > 0 &&
            CALL(plaint_profile_survey_name(p, n - 1, &s)) == PLAINT_OK) {
            char* json = nullptr;
            PLAINT_FUZZ_CHECK(CALL(plaint_profile_survey_json(p, s, &json)) == PLAINT_OK);
            take_string(json);
        }
        break;
    }
    default: { // text parsers and enumerations
        const std::string s = r.text();
        std::int64_t t = 0, to = 0;
        std::int32_t code = 0;
        const char* name = nullptr;
        CALL(plaint_instant_parse(s.data(), s.size(), &t));
        CALL(plaint_duration_parse(s.data(), s.size(), &t));
        CALL(plaint_month_range(s.c_str(), static_cast<std::int32_t>(r.instant()), &t, &to));
        CALL(plaint_enum_parse(r.code(), s.c_str(), &code));
        CALL(plaint_enum_name(r.code(), r.code(), &name));
        char* text = nullptr;
        const std::int32_t offset = (static_cast<std::int32_t>(r.byte()) - 128) * 900 + r.byte();
        CALL(plaint_instant_format(r.instant(), offset, &text));
        take_string(text);
        break;
    }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Reader r(data, size);
    State st;
    for (int steps = 0; steps < 512 && !r.done(); ++steps)
        step(st, r);
    // Whatever happened, every complaint of every ledger reads back as JSON.
    for (plaint_ledger* l : st.l) {
        std::size_t n = 0;
        if (!l || CALL(plaint_ledger_count(l, &n)) != PLAINT_OK)
            continue;
        for (std::size_t i = 0; i < n && i < 64; ++i) {
            char* json = nullptr;
            PLAINT_FUZZ_CHECK(CALL(plaint_ledger_complaint_json(l, i, &json)) == PLAINT_OK);
            plaint_string_free(json);
        }
    }
    return 0;
}
