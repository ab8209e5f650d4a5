// Builds against the installed C++ API and walks one complaint to closure.
#include <plaint/plaint.hpp>

#include <iostream>

int main() {
    using namespace plaint;
    const Instant t0 = parse_iso8601("2026-03-02T09:15:00+08:00");
    Complaint c("X-1", t0);
    auto step = [&](EventType type, Instant at) {
        Event e;
        e.type = type;
        e.at = at;
        if (type == EventType::classify)
            e.nature = Nature::valid;
        if (type == EventType::visit)
            e.method = VisitMethod::phone;
        c.apply(e);
    };
    const EventType path[] = {EventType::record,   EventType::classify, EventType::assign,
                              EventType::start,    EventType::resolve,  EventType::visit,
                              EventType::satisfied};
    Instant t = t0;
    for (EventType e : path)
        step(e, t += 60);
    std::cout << "consumer: " << version_string << " " << to_string(c.state()) << " "
              << format_iso8601(c.received(), 8 * 3600) << "\n";
    return c.state() == State::closed ? 0 : 1;
}
