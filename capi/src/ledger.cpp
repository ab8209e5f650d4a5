// The shim of plaint/c/ledger.h over plaint/ledger.hpp. The ledger: complaints and their event
// logs, imports, queries, replay and re-evaluation.
#include "shim.hpp"

using namespace plaint_shim;

namespace {

plaint::ImportOptions import_options(uint32_t flags, const plaint_import_result* result_out) {
    if (flags & ~uint32_t{PLAINT_IMPORT_ALL_OR_NOTHING})
        throw plaint::error(plaint::errc::invalid_argument,
                            "unknown import flags " + std::to_string(flags) +
                                " (known: PLAINT_IMPORT_ALL_OR_NOTHING)");
    if (result_out)
        check_size(result_out);
    plaint::ImportOptions o;
    o.all_or_nothing = (flags & PLAINT_IMPORT_ALL_OR_NOTHING) != 0;
    return o;
}

// The import's outputs; the owned string is made before anything is stored, so that a failure
// to allocate it leaves the outputs unchanged.
void put_import(const plaint::ImportReport& r, plaint_import_result* result_out,
                char** problems_out) {
    char* problems = nullptr;
    if (problems_out) {
        problems = owned_copy(plaint::to_json(r.problems));
    }
    if (result_out) {
        result_out->committed = r.committed ? 1 : 0;
        result_out->complaints = r.complaints;
        result_out->events = r.events;
        result_out->rows = r.rows;
        result_out->bad_rows = r.bad_rows;
    }
    if (problems_out)
        *problems_out = problems;
}

// A text of the ledger as pointer and length: never NULL, so "" for an empty view (a default
// string_view has a null data pointer).
void put_text(std::string_view s, const char*& p, std::size_t& len) {
    p = s.empty() ? "" : s.data();
    len = s.size();
}

// The largest element size an array call accepts: far above any version of its structs, far
// below the garbage an uninitialised `size` tends to hold, which would stride past the array.
constexpr std::size_t max_element_size = 65536;

// The checked size of the first element of a caller's array that the library writes into.
template <class T>
void check_out_size(const T* first) {
    const uint32_t size = first->size;
    const char* what = nullptr;
    if (size < Sized<T>::min_size)
        what = " is too small";
    else if (size > max_element_size)
        what = " is over 65,536 (uninitialised?)";
    else if (size % alignof(T) != 0)
        what = " is not a multiple of the struct's alignment";
    if (what)
        throw plaint::error(plaint::errc::invalid_argument,
                            std::string(Sized<T>::name) + ".size " + std::to_string(size) + what +
                                "; initialise it with " + Sized<T>::init);
}

// The stride of a caller's array of `capacity` structs T, read from its first element (0 when
// the capacity is 0: nothing is read or written then).
template <class T>
std::size_t array_stride(const T* out, std::size_t capacity) {
    if (capacity == 0)
        return 0;
    need(out, "out");
    check_out_size(out);
    return out->size;
}

// Writes the first min(capacity, n) results into the caller's array, each element made by
// fill(i, T&) in a zeroed T, stamped with the caller's size, copied as far as the caller's
// struct and this library's both reach, the rest of the caller's element zeroed; then the count.
// Nothing can fail once this starts, so a failure leaves every output unchanged.
template <class T, class Fill>
void put_array(T* out, std::size_t capacity, std::size_t stride, std::size_t n,
               std::size_t* count_out, Fill&& fill) noexcept {
    auto* base = reinterpret_cast<unsigned char*>(out);
    const std::size_t k = std::min(capacity, n);
    for (std::size_t i = 0; i < k; ++i) {
        T v{};
        fill(i, v);
        v.size = static_cast<uint32_t>(stride);
        unsigned char* dst = base + i * stride;
        const std::size_t copied = std::min(stride, sizeof(T));
        std::memcpy(dst, &v, copied);
        if (stride > copied)
            std::memset(dst + copied, 0, stride - copied);
    }
    *count_out = n;
}

// The name of `target` in the SLA policy of complaint `index`, as the ledger's profile holds
// it: NUL-terminated and valid while the ledger lives (it keeps its profile).
class TargetNames {
public:
    explicit TargetNames(const plaint::Ledger& l) : ledger_(l) {}

    const char* get(std::size_t index, const std::string& target) {
        if (index != index_ || !policy_) {
            const plaint::ComplaintView v = ledger_.view(index);
            policy_ = ledger_.profile().policies().find(v.sla_policy);
            index_ = index;
        }
        if (policy_)
            for (const plaint::Target& t : policy_->targets)
                if (t.name == target)
                    return t.name.c_str();
        throw plaint::error(plaint::errc::internal, "target '" + target + "' of complaint " +
                                                        std::to_string(index) +
                                                        " not found in its policy");
    }

private:
    const plaint::Ledger& ledger_;
    std::size_t index_ = 0;
    const plaint::Policy* policy_ = nullptr;
};

plaint::ClockFilter clock_filter_arg(int32_t filter) {
    switch (filter) {
    case PLAINT_CLOCKS_OPEN:
        return plaint::ClockFilter::open;
    case PLAINT_CLOCKS_WARNING:
        return plaint::ClockFilter::warning;
    case PLAINT_CLOCKS_BREACHED:
        return plaint::ClockFilter::breached;
    default:
        throw plaint::error(plaint::errc::out_of_range,
                            "unknown clock filter " + std::to_string(filter) +
                                " (known: PLAINT_CLOCKS_OPEN, _WARNING, _BREACHED)");
    }
}

template <class E>
std::optional<E> any_arg(int32_t code) {
    if (code == PLAINT_ANY)
        return std::nullopt;
    return enum_arg<E>(code);
}

plaint::Query query_arg(const plaint_query* q) {
    plaint::Query query;
    if (!q)
        return query;
    check_size(q);
    query.state = any_arg<plaint::State>(q->state);
    query.owner = any_arg<plaint::Role>(q->owner);
    query.category = any_arg<plaint::Category>(q->category);
    query.nature = any_arg<plaint::Nature>(q->nature);
    query.severity = any_arg<plaint::Severity>(q->severity);
    if (q->building)
        query.building = std::string_view(q->building);
    query.open_only = q->open_only != 0;
    if (q->has_received_from)
        query.received_from = q->received_from;
    if (q->has_received_before)
        query.received_before = q->received_before;
    // Since 0.7; 0 is no kind, so "any" as well as PLAINT_ANY (a struct zeroed past its size).
    if (PLAINT_COVERS(q, plaint_query, kind) && q->kind != 0)
        query.kind = any_arg<plaint::Kind>(q->kind);
    // Since 0.7; NULL is any team or handler, "" none.
    if (PLAINT_COVERS(q, plaint_query, team) && q->team)
        query.team = std::string_view(q->team);
    if (PLAINT_COVERS(q, plaint_query, handler) && q->handler)
        query.handler = std::string_view(q->handler);
    return query;
}

} // namespace

extern "C" {

PLAINT_SIZED_INIT(plaint_import_result)

int plaint_ledger_new(plaint_ledger** out, const plaint_profile* profile) {
    return guard([&] {
        need(out, "out");
        *out = new plaint_ledger{
            plaint::Ledger(profile ? profile->impl : plaint::Profile::default_profile())};
    });
}

void plaint_ledger_free(plaint_ledger* l) {
    delete l;
}

int plaint_ledger_profile(const plaint_ledger* l, plaint_profile** out) {
    return guard([&] {
        const plaint_ledger& h = ledger_arg(l);
        need(out, "out");
        *out = new_profile(h.impl.profile());
    });
}

int plaint_ledger_count(const plaint_ledger* l, size_t* out) {
    return guard([&] { *need(out, "out") = ledger_arg(l).impl.size(); });
}

int plaint_ledger_event_count(const plaint_ledger* l, size_t* out) {
    return guard([&] { *need(out, "out") = ledger_arg(l).impl.event_count(); });
}

int plaint_ledger_import_json_lines(plaint_ledger* l, const char* text, size_t len, uint32_t flags,
                                    plaint_import_result* result_out, char** problems_out) {
    return guard([&] {
        plaint_ledger& h = ledger_arg(l);
        const std::string_view t = text_arg(text, len, "text");
        const plaint::ImportOptions options = import_options(flags, result_out);
        put_import(h.impl.import_json_lines(t, options), result_out, problems_out);
    });
}

int plaint_ledger_import_csv(plaint_ledger* l, const char* complaints, size_t complaints_len,
                             const char* events, size_t events_len, uint32_t flags,
                             plaint_import_result* result_out, char** problems_out) {
    return guard([&] {
        plaint_ledger& h = ledger_arg(l);
        const std::string_view c = text_arg(complaints, complaints_len, "complaints");
        const std::string_view e = text_arg(events, events_len, "events");
        const plaint::ImportOptions options = import_options(flags, result_out);
        put_import(h.impl.import_csv(c, e, options), result_out, problems_out);
    });
}

int plaint_ledger_add_complaint_json(plaint_ledger* l, const char* json, size_t len,
                                     size_t* index_out) {
    return guard([&] {
        plaint_ledger& h = ledger_arg(l);
        const plaint::Complaint c = plaint::complaint_from_json(json_arg(json, len, "complaint"));
        const std::size_t index = h.impl.add(c);
        if (index_out)
            *index_out = index;
    });
}

int plaint_ledger_add_complaint(plaint_ledger* l, const plaint_complaint* c, size_t* index_out) {
    return guard([&] {
        plaint_ledger& h = ledger_arg(l);
        need(c, "complaint");
        const std::size_t index = h.impl.add(c->impl);
        if (index_out)
            *index_out = index;
    });
}

int plaint_ledger_add_event(plaint_ledger* l, size_t index, const plaint_event* event) {
    return guard([&] {
        plaint_ledger& h = ledger_arg(l);
        const plaint::Event e = event_arg(event);
        check_position(index, h.impl.size(), "complaint index", "complaints");
        h.impl.add_event(index, e);
    });
}

int plaint_ledger_find(const plaint_ledger* l, const char* id, size_t* out) {
    return guard([&] {
        const plaint_ledger& h = ledger_arg(l);
        need(id, "id");
        need(out, "out");
        const auto index = h.impl.find(id);
        if (!index)
            throw plaint::error(plaint::errc::not_found,
                                "no complaint with id '" + std::string(id) + "' in the ledger");
        *out = *index;
    });
}

int plaint_ledger_complaint(const plaint_ledger* l, size_t index, plaint_complaint** out) {
    return guard([&] {
        const plaint_ledger& h = ledger_arg(l);
        need(out, "out");
        check_position(index, h.impl.size(), "complaint index", "complaints");
        *out = new plaint_complaint{h.impl.complaint(index)};
    });
}

int plaint_ledger_complaint_json(const plaint_ledger* l, size_t index, char** out) {
    return guard([&] {
        const plaint_ledger& h = ledger_arg(l);
        need(out, "out");
        check_position(index, h.impl.size(), "complaint index", "complaints");
        *out = owned_copy(h.impl.view_json(index));
    });
}

PLAINT_SIZED_INIT(plaint_complaint_view)

void plaint_query_init(plaint_query* q, size_t size) {
    if (!init_sized(q, size))
        return;
    // PLAINT_ANY in the enumeration members the caller's struct has.
    const auto any = [&](int32_t plaint_query::*member, std::size_t offset) {
        if (size >= offset + sizeof(int32_t))
            q->*member = PLAINT_ANY;
    };
    any(&plaint_query::state, offsetof(plaint_query, state));
    any(&plaint_query::owner, offsetof(plaint_query, owner));
    any(&plaint_query::category, offsetof(plaint_query, category));
    any(&plaint_query::nature, offsetof(plaint_query, nature));
    any(&plaint_query::severity, offsetof(plaint_query, severity));
    any(&plaint_query::kind, offsetof(plaint_query, kind)); // 0.7
}

PLAINT_SIZED_INIT(plaint_ledger_clock)

PLAINT_SIZED_INIT(plaint_escalation_due)

PLAINT_SIZED_INIT(plaint_visit_due)

PLAINT_SIZED_INIT(plaint_quota_compliance)

int plaint_ledger_view(const plaint_ledger* l, size_t index, plaint_complaint_view* out) {
    return guard([&] {
        const plaint_ledger& h = ledger_arg(l);
        need(out, "out");
        check_size(out);
        check_position(index, h.impl.size(), "complaint index", "complaints");
        const plaint::ComplaintView v = h.impl.view(index);
        plaint_complaint_view c{};
        c.index = v.index;
        put_text(v.id, c.id, c.id_len);
        c.received = v.received;
        c.channel = static_cast<int32_t>(v.channel);
        c.category = static_cast<int32_t>(v.category);
        put_text(v.subcategory, c.subcategory, c.subcategory_len);
        put_text(v.building, c.building, c.building_len);
        put_text(v.unit, c.unit, c.unit_len);
        put_text(v.content, c.content, c.content_len);
        c.reporter_count = v.reporter_count;
        c.repeat_count = v.repeat_count;
        c.state = static_cast<int32_t>(v.state);
        c.owner = static_cast<int32_t>(v.owner);
        c.nature = static_cast<int32_t>(v.nature);
        c.severity = static_cast<int32_t>(v.severity);
        c.visit_method = v.visit_method ? static_cast<int32_t>(*v.visit_method) : PLAINT_VISIT_NONE;
        put(v.rectification_deadline, c.has_rectification_deadline, c.rectification_deadline);
        c.cycle = v.cycle;
        c.event_count = v.event_count;
        c.last_event_at = v.last_event_at;
        c.escalations = v.escalations;
        c.reevaluations = v.reevaluations;
        put_text(v.sla_policy, c.sla_policy, c.sla_policy_len);
        c.rule_nature =
            v.rule_nature ? static_cast<int32_t>(*v.rule_nature) : PLAINT_NATURE_UNJUDGED;
        c.rule_escalate_to = role_code(v.rule_escalate_to);
        c.planned_visit = static_cast<int32_t>(v.planned_visit);
        c.kind = static_cast<int32_t>(v.kind); // 0.7
        c.kind_decided = v.kind_decided ? 1 : 0;
        put_text(v.handler, c.handler, c.handler_len); // 0.7
        put_text(v.team, c.team, c.team_len);
        put_text(v.rule_team, c.rule_team, c.rule_team_len);
        c.team_from_rules = v.team_from_rules ? 1 : 0;
        // The fields of the 0.6 struct, which `size` covers, then later ones only as far as the
        // caller's `size` reaches (an older caller's struct ends before `kind`).
        c.size = out->size;
        std::memcpy(out, &c, std::min<std::size_t>(out->size, sizeof c));
    });
}

int plaint_ledger_select(const plaint_ledger* l, const plaint_query* q, size_t* out,
                         size_t capacity, size_t* count_out) {
    return guard([&] {
        const plaint_ledger& h = ledger_arg(l);
        need(count_out, "count_out");
        if (capacity > 0)
            need(out, "out");
        const std::vector<std::size_t> found = h.impl.select(query_arg(q));
        const std::size_t k = std::min(capacity, found.size());
        if (k > 0) // `out` may be NULL with no room: never hand it to the copy
            std::copy(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(k), out);
        *count_out = found.size();
    });
}

int plaint_ledger_clocks_at(const plaint_ledger* l, int64_t at, int32_t filter,
                            plaint_ledger_clock* out, size_t capacity, size_t* count_out) {
    return guard([&] {
        const plaint_ledger& h = ledger_arg(l);
        need(count_out, "count_out");
        const plaint::ClockFilter f = clock_filter_arg(filter);
        const std::size_t stride = array_stride(out, capacity);
        const std::vector<plaint::LedgerClock> clocks = h.impl.clocks_at(at, f);
        // The target names, looked up before anything is written (a lookup may throw).
        TargetNames names(h.impl);
        std::vector<const char*> targets;
        const std::size_t k = std::min(capacity, clocks.size());
        targets.reserve(k);
        for (std::size_t i = 0; i < k; ++i)
            targets.push_back(names.get(clocks[i].index, clocks[i].clock.target));
        put_array(out, capacity, stride, clocks.size(), count_out,
                  [&](std::size_t i, plaint_ledger_clock& c) {
                      const plaint::Clock& kc = clocks[i].clock;
                      c.index = clocks[i].index;
                      c.target = targets[i];
                      c.kind = static_cast<int32_t>(kc.kind);
                      c.cycle = kc.cycle;
                      c.round = kc.round;
                      c.state = static_cast<int32_t>(kc.state);
                      c.escalate_to = role_code(kc.escalate_to);
                      put(kc.started, c.has_started, c.started);
                      put(kc.stopped, c.has_stopped, c.stopped);
                      put(kc.due, c.has_due, c.due);
                      put(kc.breached_at, c.has_breached_at, c.breached_at);
                      c.duration = kc.duration;
                      c.elapsed = kc.elapsed;
                      c.remaining = kc.remaining;
                      c.percent = kc.percent;
                      const std::size_t n = std::min<std::size_t>(kc.warnings.size(), 4);
                      c.warning_count = static_cast<uint32_t>(n);
                      for (std::size_t w = 0; w < n; ++w)
                          c.warnings[w] = kc.warnings[w];
                  });
    });
}

int plaint_ledger_escalations_due(const plaint_ledger* l, int64_t at, plaint_escalation_due* out,
                                  size_t capacity, size_t* count_out) {
    return guard([&] {
        const plaint_ledger& h = ledger_arg(l);
        need(count_out, "count_out");
        const std::size_t stride = array_stride(out, capacity);
        const std::vector<plaint::EscalationDue> due = h.impl.escalations_due(at);
        TargetNames names(h.impl);
        std::vector<const char*> reasons;
        const std::size_t k = std::min(capacity, due.size());
        reasons.reserve(k);
        for (std::size_t i = 0; i < k; ++i)
            reasons.push_back(due[i].reason == "rules" ? "rules"
                                                       : names.get(due[i].index, due[i].reason));
        put_array(out, capacity, stride, due.size(), count_out,
                  [&](std::size_t i, plaint_escalation_due& e) {
                      e.index = due[i].index;
                      e.owner = static_cast<int32_t>(due[i].owner);
                      e.to = static_cast<int32_t>(due[i].to);
                      e.reason = reasons[i];
                  });
    });
}

int plaint_ledger_visits_due(const plaint_ledger* l, plaint_visit_due* out, size_t capacity,
                             size_t* count_out) {
    return guard([&] {
        const plaint_ledger& h = ledger_arg(l);
        need(count_out, "count_out");
        const std::size_t stride = array_stride(out, capacity);
        const std::vector<plaint::VisitDue> due = h.impl.visits_due();
        put_array(out, capacity, stride, due.size(), count_out,
                  [&](std::size_t i, plaint_visit_due& v) {
                      v.index = due[i].index;
                      v.method = static_cast<int32_t>(due[i].method);
                      v.resolved_at = due[i].resolved_at;
                      put(due[i].due, v.has_due, v.due);
                  });
    });
}

int plaint_ledger_visit_quotas(const plaint_ledger* l, int64_t from, int64_t to,
                               plaint_quota_compliance* out, size_t capacity, size_t* count_out) {
    return guard([&] {
        const plaint_ledger& h = ledger_arg(l);
        need(count_out, "count_out");
        const std::size_t stride = array_stride(out, capacity);
        const std::vector<plaint::QuotaCompliance> quotas = h.impl.visit_quotas(from, to);
        put_array(out, capacity, stride, quotas.size(), count_out,
                  [&](std::size_t i, plaint_quota_compliance& q) {
                      q.role = static_cast<int32_t>(quotas[i].role);
                      q.visits = quotas[i].visits;
                      q.required = quotas[i].required;
                      q.compliant = quotas[i].compliant ? 1 : 0;
                  });
    });
}

int plaint_month_range(const char* month, int32_t utc_offset_seconds, int64_t* from_out,
                       int64_t* to_out) {
    return guard([&] {
        need(month, "month");
        need(from_out, "from_out");
        need(to_out, "to_out");
        const auto range = plaint::Ledger::month_range(month, utc_offset_seconds);
        *from_out = range.first;
        *to_out = range.second;
    });
}

int plaint_ledger_replay(const plaint_ledger* l, const plaint_profile* profile,
                         plaint_ledger** out) {
    return guard([&] {
        const plaint_ledger& h = ledger_arg(l);
        need(out, "out");
        *out = new plaint_ledger{
            h.impl.replay(profile ? profile->impl : plaint::Profile::default_profile())};
    });
}

int plaint_ledger_reevaluate(plaint_ledger* l, int64_t now, size_t* added_out) {
    return guard([&] {
        plaint_ledger& h = ledger_arg(l);
        const std::size_t added = h.impl.reevaluate(now);
        if (added_out)
            *added_out = added;
    });
}

} // extern "C"
