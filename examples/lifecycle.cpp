// Walks one complaint from intake to closure with the C++ API and prints its event log.
// A resident of building 3 reports a leaking pipe by phone; the duty staff record and classify
// it, a customer-service assistant handles it, and a return visit by phone closes the loop.
#include <plaint/plaint.hpp>

#include <cstdio>
#include <iostream>

int main() {
    using namespace plaint;
    try {
        const Instant t0 = parse_iso8601("2026-03-02T09:15:00+08:00");
        Complaint c("2026-03-0042", t0);
        c.set_channel(Channel::phone);
        c.set_category(Category::equipment);
        c.set_subcategory("plumbing");
        c.set_name("Ms Wang");
        c.set_building("3");
        c.set_unit("1202");
        c.set_content("卫生间天花板漏水 / water leaking from the bathroom ceiling");
        c.set_remedy("fix the pipe and repaint the ceiling");

        auto event = [](EventType type, const char* at, Role actor, const char* note) {
            Event e;
            e.type = type;
            e.at = parse_iso8601(at);
            e.actor = actor;
            e.note = note;
            return e;
        };
        c.apply(event(EventType::record, "2026-03-02T09:20:00+08:00", Role::duty_staff,
                      "recorded on the complaint form"));
        Event judge = event(EventType::classify, "2026-03-02T09:30:00+08:00", Role::duty_staff,
                            "within our scope");
        judge.nature = Nature::valid;
        judge.severity = Severity::p2;
        c.apply(judge);
        Event assign = event(EventType::assign, "2026-03-02T09:35:00+08:00", Role::duty_staff,
                             "to the customer-service assistant");
        assign.target = Role::cs_assistant;
        c.apply(assign);
        c.apply(event(EventType::start, "2026-03-02T10:00:00+08:00", Role::cs_assistant,
                      "plumber on site"));
        c.apply(event(EventType::resolve, "2026-03-02T14:00:00+08:00", Role::cs_assistant,
                      "pipe joint replaced"));
        Event visit =
            event(EventType::visit, "2026-03-03T10:00:00+08:00", Role::cs_assistant, "return call");
        visit.method = VisitMethod::phone;
        c.apply(visit);
        c.apply(event(EventType::satisfied, "2026-03-03T10:05:00+08:00", Role::cs_assistant,
                      "resident satisfied"));

        std::cout << "complaint " << c.id() << ": " << to_string(c.state()) << "\n";
        for (const Event& e : c.events())
            std::cout << format_iso8601(e.at, 8 * 3600) << "  " << to_string(e.type) << "  "
                      << to_string(e.from) << " -> " << to_string(e.to) << "  "
                      << to_string(e.actor) << "  " << e.note << "\n";
        return 0;
    } catch (const error& e) {
        std::cerr << "error (" << errc_name(e.code()) << "): " << e.what() << "\n";
        return 1;
    }
}
